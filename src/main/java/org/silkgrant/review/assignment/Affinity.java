package org.silkgrant.review.assignment;

import java.util.HashSet;
import java.util.Set;

/**
 * How well an expert fits an application, an integer from 0 to {@link #MAX} (docs/review.md): {@link #FIELD}
 * points when the application's field is one of the expert's fields, plus up to {@link #KEYWORDS} points for the
 * Jaccard similarity of the two keyword sets (normalised with {@link Names#normalise}), rounded half up.
 * Integers, so that the solver's costs are exact and every run gives the same result.
 */
public final class Affinity {

    public static final int FIELD = 600;
    public static final int KEYWORDS = 400;
    public static final int MAX = FIELD + KEYWORDS;

    private Affinity() {
    }

    public static int score(ApplicationProfile application, ExpertProfile expert) {
        boolean field = application.field() != null && expert.fields().contains(application.field());
        Set<String> a = keywords(application.keywords());
        Set<String> e = keywords(expert.keywords());
        int common = 0;
        for (String keyword : a) {
            if (e.contains(keyword)) {
                common++;
            }
        }
        return score(field, common, a.size() + e.size() - common);
    }

    static int score(boolean field, int common, int union) {
        int keywords = union == 0 ? 0 : (2 * KEYWORDS * common + union) / (2 * union);
        return (field ? FIELD : 0) + keywords;
    }

    static Set<String> keywords(Set<String> raw) {
        Set<String> keys = new HashSet<>();
        for (String keyword : raw) {
            String key = Names.normalise(keyword);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }
}
