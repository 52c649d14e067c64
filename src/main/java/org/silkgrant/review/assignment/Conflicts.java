package org.silkgrant.review.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every conflicted pair of one call, as {@link ConflictFinder} found them: per application the sorted indices of
 * its conflicted experts and a bit mask of reasons for each. Immutable.
 */
public final class Conflicts {

    private static final ConflictReason[] REASONS = ConflictReason.values();

    private final long[] applicationIds;
    private final long[] expertIds;
    private final Map<Long, Integer> applicationIndex;
    private final Map<Long, Integer> expertIndex;
    private final int[][] experts;
    private final byte[][] masks;
    private final long count;

    Conflicts(long[] applicationIds, long[] expertIds, int[][] experts, byte[][] masks) {
        this.applicationIds = applicationIds;
        this.expertIds = expertIds;
        this.applicationIndex = index(applicationIds);
        this.expertIndex = index(expertIds);
        this.experts = experts;
        this.masks = masks;
        long total = 0;
        for (int[] list : experts) {
            total += list.length;
        }
        this.count = total;
    }

    static Map<Long, Integer> index(long[] ids) {
        Map<Long, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (index.put(ids[i], i) != null) {
                throw new IllegalArgumentException("id " + ids[i] + " appears twice");
            }
        }
        return index;
    }

    /** The number of conflicted pairs. */
    public long count() {
        return count;
    }

    /** The reasons the expert may not review the application; empty when there is no conflict or an id is unknown. */
    public Set<ConflictReason> reasons(long applicationId, long expertId) {
        Integer a = applicationIndex.get(applicationId);
        Integer e = expertIndex.get(expertId);
        if (a == null || e == null) {
            return Set.of();
        }
        int mask = mask(a, e);
        return mask == 0 ? Set.of() : reasons(mask);
    }

    public boolean conflicted(long applicationId, long expertId) {
        return !reasons(applicationId, expertId).isEmpty();
    }

    /** The conflicts of one application, in the order the experts were given. */
    public List<Conflict> ofApplication(long applicationId) {
        Integer a = applicationIndex.get(applicationId);
        if (a == null) {
            return List.of();
        }
        List<Conflict> list = new ArrayList<>(experts[a].length);
        for (int i = 0; i < experts[a].length; i++) {
            list.add(new Conflict(applicationId, expertIds[experts[a][i]], reasons(masks[a][i])));
        }
        return list;
    }

    /** Every conflicted pair, application by application in the order given. */
    public List<Conflict> all() {
        List<Conflict> list = new ArrayList<>((int) Math.min(count, Integer.MAX_VALUE));
        for (long id : applicationIds) {
            list.addAll(ofApplication(id));
        }
        return Collections.unmodifiableList(list);
    }

    /** How many experts conflict with the application for each reason (a pair with two reasons counts in both). */
    public Map<ConflictReason, Integer> reasonCounts(long applicationId) {
        Integer a = applicationIndex.get(applicationId);
        Map<ConflictReason, Integer> counts = new EnumMap<>(ConflictReason.class);
        if (a != null) {
            for (byte mask : masks[a]) {
                for (ConflictReason reason : REASONS) {
                    if ((mask & reason.bit()) != 0) {
                        counts.merge(reason, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    // --- index access for the solver

    boolean sameCall(long[] applications, long[] experts) {
        return Arrays.equals(applicationIds, applications) && Arrays.equals(expertIds, experts);
    }

    int[] expertsOf(int application) {
        return experts[application];
    }

    int mask(int application, int expert) {
        int i = Arrays.binarySearch(experts[application], expert);
        return i < 0 ? 0 : masks[application][i] & 0xff;
    }

    static Set<ConflictReason> reasons(int mask) {
        EnumSet<ConflictReason> set = EnumSet.noneOf(ConflictReason.class);
        for (ConflictReason reason : REASONS) {
            if ((mask & reason.bit()) != 0) {
                set.add(reason);
            }
        }
        return Collections.unmodifiableSet(set);
    }
}
