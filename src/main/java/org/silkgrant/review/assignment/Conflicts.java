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
 * its conflicted experts and a bit mask of reasons for each, certain and possible. Immutable; {@link #withDismissed}
 * gives the conflicts that remain after the program officer dismissed possible ones, and {@link #explain} says what
 * matched for one pair.
 */
public final class Conflicts {

    private static final ConflictReason[] REASONS = ConflictReason.values();

    private final long[] applicationIds;
    private final long[] expertIds;
    private final Map<Long, Integer> applicationIndex;
    private final Map<Long, Integer> expertIndex;
    private final int[][] experts;
    private final int[][] masks;
    private final long count;
    private final List<ApplicationProfile> applicationProfiles;
    private final List<ExpertProfile> expertProfiles;
    private final Matching matching;

    Conflicts(long[] applicationIds, long[] expertIds, int[][] experts, int[][] masks,
            List<ApplicationProfile> applicationProfiles, List<ExpertProfile> expertProfiles, Matching matching) {
        this(applicationIds, expertIds, index(applicationIds), index(expertIds), experts, masks, applicationProfiles,
                expertProfiles, matching);
    }

    private Conflicts(long[] applicationIds, long[] expertIds, Map<Long, Integer> applicationIndex,
            Map<Long, Integer> expertIndex, int[][] experts, int[][] masks,
            List<ApplicationProfile> applicationProfiles, List<ExpertProfile> expertProfiles, Matching matching) {
        this.applicationIds = applicationIds;
        this.expertIds = expertIds;
        this.applicationIndex = applicationIndex;
        this.expertIndex = expertIndex;
        this.experts = experts;
        this.masks = masks;
        this.applicationProfiles = applicationProfiles;
        this.expertProfiles = expertProfiles;
        this.matching = matching;
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

    /** The number of conflicted pairs (certain or possible). */
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

    /** Whether the pair conflicts, certainly or possibly (either way it is not assigned). */
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
            for (int mask : masks[a]) {
                for (ConflictReason reason : REASONS) {
                    if ((mask & reason.bit()) != 0) {
                        counts.merge(reason, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    /**
     * The conflicts that remain when the given possible reasons of the given pairs are dismissed. A pair that has a
     * certain reason keeps every reason (a certain conflict is never dismissed); a pair whose possible reasons are not
     * all covered by its dismissal keeps the uncovered ones and stays excluded. Work proportional to the dismissals.
     */
    public Conflicts withDismissed(Map<Pair, Set<ConflictReason>> dismissed) {
        if (dismissed.isEmpty()) {
            return this;
        }
        int[][] newExperts = experts.clone();
        int[][] newMasks = masks.clone();
        boolean changed = false;
        for (Map.Entry<Pair, Set<ConflictReason>> entry : dismissed.entrySet()) {
            Integer a = applicationIndex.get(entry.getKey().applicationId());
            Integer e = expertIndex.get(entry.getKey().expertId());
            if (a == null || e == null) {
                continue;
            }
            int i = Arrays.binarySearch(newExperts[a], e);
            if (i < 0) {
                continue;
            }
            int mask = newMasks[a][i];
            if ((mask & ConflictReason.CERTAIN_BITS) != 0) {
                continue;
            }
            int cleared = mask;
            for (ConflictReason reason : entry.getValue()) {
                if (reason.certainty() == Certainty.POSSIBLE) {
                    cleared &= ~reason.bit();
                }
            }
            if (cleared == mask) {
                continue;
            }
            changed = true;
            if (cleared != 0) {
                newMasks[a] = newMasks[a] == masks[a] ? masks[a].clone() : newMasks[a];
                newMasks[a][i] = cleared;
            } else {
                int[] keptExperts = new int[newExperts[a].length - 1];
                int[] keptMasks = new int[keptExperts.length];
                System.arraycopy(newExperts[a], 0, keptExperts, 0, i);
                System.arraycopy(newExperts[a], i + 1, keptExperts, i, keptExperts.length - i);
                System.arraycopy(newMasks[a], 0, keptMasks, 0, i);
                System.arraycopy(newMasks[a], i + 1, keptMasks, i, keptMasks.length - i);
                newExperts[a] = keptExperts;
                newMasks[a] = keptMasks;
            }
        }
        return changed ? new Conflicts(applicationIds, expertIds, applicationIndex, expertIndex, newExperts, newMasks,
                applicationProfiles, expertProfiles, matching) : this;
    }

    /**
     * What matched for one pair, rule by rule: each piece of evidence with its reason, basis, the application's side
     * and the expert's side. Empty when the pair does not conflict by the rules (or an id is unknown); dismissals do
     * not change what matched.
     */
    public List<Evidence> explain(long applicationId, long expertId) {
        Integer a = applicationIndex.get(applicationId);
        Integer e = expertIndex.get(expertId);
        if (a == null || e == null) {
            return List.of();
        }
        return explain(applicationProfiles.get(a), expertProfiles.get(e), matching);
    }

    /** The pairwise rules of {@link Matching} for one pair; {@link ConflictFinder}'s indices find the same reasons. */
    static List<Evidence> explain(ApplicationProfile application, ExpertProfile expert, Matching matching) {
        List<Evidence> out = new ArrayList<>();
        if (application.applicant() != null) {
            organisation(out, application.applicant(), expert, ConflictReason.EXPERT_ORG_IS_APPLICANT, matching);
        }
        for (Organisation organisation : application.coApplicants()) {
            organisation(out, organisation, expert, ConflictReason.EXPERT_ORG_IS_CO_APPLICANT, matching);
        }
        for (Organisation organisation : application.partners()) {
            organisation(out, organisation, expert, ConflictReason.EXPERT_ORG_IS_PARTNER, matching);
        }
        for (Person person : application.team()) {
            person(out, person, expert, ConflictReason.EXPERT_ON_TEAM, matching);
        }
        for (Person person : application.partnerPeople()) {
            person(out, person, expert, ConflictReason.EXPERT_IS_PARTNER_PERSON, matching);
        }
        return out;
    }

    private static void organisation(List<Evidence> out, Organisation organisation, ExpertProfile expert,
            ConflictReason reason, Matching matching) {
        if (expert.organisation() != null) {
            for (Matching.Match match : matching.organisations(organisation, expert.organisation())) {
                out.add(new Evidence(reason.with(match.certainty()), match.basis(), Evidence.Side.of(organisation),
                        Evidence.Side.of(expert.organisation()), -1, match.sharedKey()));
            }
        }
        List<Organisation> declared = expert.declaredOrganisations();
        for (int d = 0; d < declared.size(); d++) {
            for (Matching.Match match : matching.organisations(organisation, declared.get(d))) {
                out.add(new Evidence(ConflictReason.DECLARED_ORGANISATION.with(match.certainty()), match.basis(),
                        Evidence.Side.of(organisation), Evidence.Side.of(declared.get(d)), d, match.sharedKey()));
            }
        }
    }

    private static void person(List<Evidence> out, Person person, ExpertProfile expert, ConflictReason reason,
            Matching matching) {
        Matching.Match match = matching.people(person, expert.person());
        if (match != null) {
            out.add(new Evidence(reason.with(match.certainty()), match.basis(), Evidence.Side.of(person),
                    Evidence.Side.of(expert.person()), -1, null));
        }
        List<Person> declared = expert.declaredPeople();
        for (int d = 0; d < declared.size(); d++) {
            Matching.Match hit = matching.people(person, declared.get(d));
            if (hit != null) {
                out.add(new Evidence(ConflictReason.DECLARED_PERSON.with(hit.certainty()), hit.basis(),
                        Evidence.Side.of(person), Evidence.Side.of(declared.get(d)), d, null));
            }
        }
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
        return i < 0 ? 0 : masks[application][i];
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
