package org.silkgrant.review.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/**
 * Assigns experts to applications as a min-cost flow solved by Google OR-Tools: source → application (capacity k
 * less its pinned and kept pairs) → expert (one arc per allowed pair, capacity 1, cost −(B + affinity)) → sink
 * (capacity m less the expert's pinned and kept pairs), plus a source → sink bypass of cost 0 for the slots that
 * cannot be filled. B exceeds any affinity an exchange could gain, so the optimum fills as many slots as possible
 * first and maximises the total affinity among those (docs/review.md).
 *
 * <p>The graph is sparse: each application starts with its best-matching experts and a few fallback ones. After
 * each solution the node potentials are computed (Bellman–Ford on the residual graph) and every left-out pair is
 * priced; pairs with negative reduced cost are added and the flow solved again. When no pair prices out, the LP
 * optimality conditions hold for the whole call, so the result is optimal for the dense problem too.
 */
public final class AssignmentSolver {

    /**
     * How large the first sparse graph is and how long to price: {@code candidates} best-affinity experts and
     * {@code fallback} others per application, at most {@code maxRounds} solutions. {@link #exact()} puts every
     * allowed pair in the graph at once (small calls, and the reference in tests and benchmark).
     */
    public record Options(int candidates, int fallback, int maxRounds, boolean dense) {

        public static Options defaults(int perApplication) {
            return new Options(Math.max(4 * perApplication, 10), Math.max(perApplication, 3), 50, false);
        }

        public static Options exact() {
            return new Options(0, 0, 1, true);
        }

        /** Only the first sparse graph, no pricing: to measure what pricing buys. */
        public Options withoutPricing() {
            return new Options(candidates, fallback, 1, dense);
        }
    }

    private static volatile boolean loaded;

    private final Options options;

    public AssignmentSolver() {
        this(null);
    }

    /** With fixed options; null chooses {@link Options#defaults} for each request's k. */
    public AssignmentSolver(Options options) {
        this.options = options;
        loadNativeLibraries();
    }

    static void loadNativeLibraries() {
        if (!loaded) {
            synchronized (AssignmentSolver.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    public Assignment solve(AssignmentRequest request) {
        return solve(request, ConflictFinder.find(request.applications(), request.experts()));
    }

    /** With the conflicts already found for the same applications and experts in the same order. */
    public Assignment solve(AssignmentRequest request, Conflicts conflicts) {
        Options chosen = options != null ? options : Options.defaults(request.perApplication());
        return new Run(request, conflicts, chosen).solve();
    }

    /** A pinned pair that conflicts or was forbidden: refused, with the reasons. */
    public static final class RefusedPinException extends IllegalArgumentException {

        private final transient Map<Pair, Set<ConflictReason>> conflicts;

        RefusedPinException(String message, Map<Pair, Set<ConflictReason>> conflicts) {
            super(message);
            this.conflicts = Map.copyOf(conflicts);
        }

        /** The refused pairs with their reasons; empty reasons for a pair that is pinned and forbidden at once. */
        public Map<Pair, Set<ConflictReason>> refused() {
            return conflicts;
        }
    }

    /** One solution of one request; not thread-safe, used once. */
    private static final class Run {

        private final AssignmentRequest request;
        private final Conflicts conflicts;
        private final Options options;
        private final int n;
        private final int m;
        private final long[] applicationIds;
        private final long[] expertIds;
        private final Map<Long, Integer> applicationIndex;
        private final Map<Long, Integer> expertIndex;

        // interned profiles
        private final int[] applicationField;
        private final int[][] applicationKeywords;
        private final int[][] expertFields;
        private final int[][] expertKeywords;
        private int[][] expertsByField;
        private int[][] expertsByKeyword;

        // fixed pairs, demand and capacity
        private final int[][] forbiddenOf;
        private final List<Assignment.AssignedPair> fixedPairs = new ArrayList<>();
        private final List<Pair> droppedKept = new ArrayList<>();
        private final int[][] fixedOf;
        private final int[] demand;
        private final int[] capacity;
        private final int[] load;
        private final long bonus;

        // the sparse graph: candidate experts of each application and their affinities
        private final int[][] candidates;
        private final int[][] candidateAffinity;

        // per-application scratch marks, stamped to avoid clearing
        private final int[] blockedMark;
        private final int[] candidateMark;
        private final int[] positiveMark;
        private int stamp;

        Run(AssignmentRequest request, Conflicts conflicts, Options options) {
            this.request = request;
            this.conflicts = conflicts;
            this.options = options;
            this.n = request.applications().size();
            this.m = request.experts().size();
            applicationIds = request.applications().stream().mapToLong(ApplicationProfile::id).toArray();
            expertIds = request.experts().stream().mapToLong(ExpertProfile::id).toArray();
            if (!conflicts.sameCall(applicationIds, expertIds)) {
                throw new IllegalArgumentException("the conflicts were found for other applications or experts");
            }
            applicationIndex = Conflicts.index(applicationIds);
            expertIndex = Conflicts.index(expertIds);

            Map<String, Integer> fieldIds = new HashMap<>();
            Map<String, Integer> keywordIds = new HashMap<>();
            applicationField = new int[n];
            applicationKeywords = new int[n][];
            for (int a = 0; a < n; a++) {
                ApplicationProfile application = request.applications().get(a);
                String field = application.field();
                applicationField[a] = field == null ? -1 : fieldIds.computeIfAbsent(field, f -> fieldIds.size());
                applicationKeywords[a] = intern(Affinity.keywords(application.keywords()), keywordIds);
            }
            expertFields = new int[m][];
            expertKeywords = new int[m][];
            for (int e = 0; e < m; e++) {
                ExpertProfile expert = request.experts().get(e);
                expertFields[e] = intern(expert.fields(), fieldIds);
                expertKeywords[e] = intern(Affinity.keywords(expert.keywords()), keywordIds);
            }
            expertsByField = invert(expertFields, fieldIds.size());
            expertsByKeyword = invert(expertKeywords, keywordIds.size());

            forbiddenOf = new int[n][];
            fixedOf = new int[n][];
            demand = new int[n];
            capacity = new int[m];
            load = new int[m];
            fix();
            bonus = (long) (Math.min(n, m) + 1) * (Affinity.MAX + 1);

            candidates = new int[n][];
            candidateAffinity = new int[n][];
            blockedMark = new int[m];
            candidateMark = new int[m];
            positiveMark = new int[m];
        }

        private static int[] intern(Set<String> values, Map<String, Integer> ids) {
            int[] interned = values.stream().mapToInt(v -> ids.computeIfAbsent(v, x -> ids.size())).toArray();
            Arrays.sort(interned);
            return interned;
        }

        private static int[][] invert(int[][] lists, int size) {
            int[] counts = new int[size];
            for (int[] list : lists) {
                for (int value : list) {
                    counts[value]++;
                }
            }
            int[][] inverted = new int[size][];
            for (int i = 0; i < size; i++) {
                inverted[i] = new int[counts[i]];
                counts[i] = 0;
            }
            for (int owner = 0; owner < lists.length; owner++) {
                for (int value : lists[owner]) {
                    inverted[value][counts[value]++] = owner;
                }
            }
            return inverted;
        }

        private int affinity(int a, int e) {
            int field = applicationField[a];
            boolean fieldMatch = field >= 0 && Arrays.binarySearch(expertFields[e], field) >= 0;
            int[] x = applicationKeywords[a];
            int[] y = expertKeywords[e];
            int common = 0;
            for (int i = 0, j = 0; i < x.length && j < y.length;) {
                if (x[i] < y[j]) {
                    i++;
                } else if (x[i] > y[j]) {
                    j++;
                } else {
                    common++;
                    i++;
                    j++;
                }
            }
            return Affinity.score(fieldMatch, common, x.length + y.length - common);
        }

        private int[] indices(Pair pair) {
            Integer a = applicationIndex.get(pair.applicationId());
            Integer e = expertIndex.get(pair.expertId());
            if (a == null || e == null) {
                throw new IllegalArgumentException("unknown application or expert in " + pair);
            }
            return new int[] {a, e};
        }

        /** Validates pinned, drops stale kept pairs, and sets each application's demand and expert's capacity. */
        private void fix() {
            Map<Integer, List<Integer>> forbidden = new HashMap<>();
            Set<Pair> forbiddenPairs = request.forbidden();
            for (Pair pair : forbiddenPairs) {
                int[] ae = indices(pair);
                forbidden.computeIfAbsent(ae[0], x -> new ArrayList<>()).add(ae[1]);
            }
            Map<Pair, Set<ConflictReason>> refused = new HashMap<>();
            for (Pair pair : request.pinned()) {
                int[] ae = indices(pair);
                int mask = conflicts.mask(ae[0], ae[1]);
                if (mask != 0 || forbiddenPairs.contains(pair)) {
                    refused.put(pair, Conflicts.reasons(mask));
                }
            }
            if (!refused.isEmpty()) {
                throw new RefusedPinException("pinned pairs conflict or are forbidden: " + refused.keySet(), refused);
            }
            Map<Integer, List<Integer>> fixed = new HashMap<>();
            for (Pair pair : sorted(request.pinned())) {
                int[] ae = indices(pair);
                fixed.computeIfAbsent(ae[0], x -> new ArrayList<>()).add(ae[1]);
                fixedPairs.add(new Assignment.AssignedPair(pair.applicationId(), pair.expertId(),
                        affinity(ae[0], ae[1]), Assignment.Origin.PINNED));
                load[ae[1]]++;
            }
            for (Pair pair : sorted(request.kept())) {
                if (request.pinned().contains(pair)) {
                    continue;
                }
                int[] ae = indices(pair);
                if (conflicts.mask(ae[0], ae[1]) != 0 || forbiddenPairs.contains(pair)) {
                    droppedKept.add(pair);
                    continue;
                }
                fixed.computeIfAbsent(ae[0], x -> new ArrayList<>()).add(ae[1]);
                fixedPairs.add(new Assignment.AssignedPair(pair.applicationId(), pair.expertId(),
                        affinity(ae[0], ae[1]), Assignment.Origin.KEPT));
                load[ae[1]]++;
            }
            for (int a = 0; a < n; a++) {
                forbiddenOf[a] = forbidden.getOrDefault(a, List.of()).stream().mapToInt(Integer::intValue).toArray();
                fixedOf[a] = fixed.getOrDefault(a, List.of()).stream().mapToInt(Integer::intValue).toArray();
                demand[a] = Math.max(0, request.perApplication() - fixedOf[a].length);
            }
            for (int e = 0; e < m; e++) {
                capacity[e] = Math.max(0, request.perExpert() - load[e]);
            }
        }

        private static List<Pair> sorted(Set<Pair> pairs) {
            List<Pair> list = new ArrayList<>(pairs);
            list.sort((x, y) -> x.applicationId() != y.applicationId()
                    ? Long.compare(x.applicationId(), y.applicationId()) : Long.compare(x.expertId(), y.expertId()));
            return list;
        }

        /** Marks the experts application a may not get (conflicted, forbidden, already fixed) with a fresh stamp. */
        private int markBlocked(int a) {
            int s = ++stamp;
            for (int e : conflicts.expertsOf(a)) {
                blockedMark[e] = s;
            }
            for (int e : forbiddenOf[a]) {
                blockedMark[e] = s;
            }
            for (int e : fixedOf[a]) {
                blockedMark[e] = s;
            }
            return s;
        }

        /** Calls back every expert sharing the field or a keyword with a, once, and marks them positive. */
        private void forEachPositive(int a, int s, java.util.function.IntConsumer action) {
            if (applicationField[a] >= 0) {
                for (int e : expertsByField[applicationField[a]]) {
                    if (positiveMark[e] != s) {
                        positiveMark[e] = s;
                        action.accept(e);
                    }
                }
            }
            for (int keyword : applicationKeywords[a]) {
                if (keyword < expertsByKeyword.length) {
                    for (int e : expertsByKeyword[keyword]) {
                        if (positiveMark[e] != s) {
                            positiveMark[e] = s;
                            action.accept(e);
                        }
                    }
                }
            }
        }

        private void initialCandidates() {
            // Fallback experts are taken round-robin, roomiest first, so that they spread over the experts.
            Integer[] order = new Integer[m];
            for (int e = 0; e < m; e++) {
                order[e] = e;
            }
            Arrays.sort(order, (x, y) -> capacity[x] != capacity[y] ? Integer.compare(capacity[y], capacity[x])
                    : Integer.compare(x, y));
            int pointer = 0;
            long[] keys = new long[m];
            for (int next = 0; next < n; next++) {
                final int a = next;
                if (demand[a] == 0) {
                    candidates[a] = new int[0];
                    candidateAffinity[a] = new int[0];
                    continue;
                }
                int s = markBlocked(a);
                int[] size = {0};
                forEachPositive(a, s, e -> {
                    if (blockedMark[e] != s && capacity[e] > 0) {
                        keys[size[0]++] = ((long) affinity(a, e) << 32) | (Integer.MAX_VALUE - e);
                    }
                });
                int limit = options.dense() ? size[0] : Math.min(size[0], options.candidates());
                if (limit == size[0]) {
                    Arrays.sort(keys, 0, size[0]);
                } else {
                    // the best `limit` keys, ascending, moved to the end of the used part of keys
                    long[] top = topKeys(keys, size[0], limit);
                    System.arraycopy(top, 0, keys, size[0] - limit, limit);
                }
                int[] chosen = new int[limit + (options.dense() ? m : options.fallback())];
                int[] chosenAffinity = new int[chosen.length];
                int count = 0;
                for (int i = size[0] - 1; i >= size[0] - limit; i--) {
                    int e = Integer.MAX_VALUE - (int) keys[i];
                    chosen[count] = e;
                    chosenAffinity[count++] = (int) (keys[i] >>> 32);
                    candidateMark[e] = s;
                }
                int wanted = options.dense() ? m : options.fallback();
                int taken = 0;
                for (int step = 0; step < m && taken < wanted; step++) {
                    int e = order[(pointer + step) % m];
                    if (blockedMark[e] != s && candidateMark[e] != s && capacity[e] > 0) {
                        candidateMark[e] = s;
                        chosen[count] = e;
                        chosenAffinity[count++] = affinity(a, e);
                        taken++;
                        if (!options.dense()) {
                            pointer = (pointer + step + 1) % m;
                            step = -1;
                        }
                    }
                }
                candidates[a] = Arrays.copyOf(chosen, count);
                candidateAffinity[a] = Arrays.copyOf(chosenAffinity, count);
            }
        }

        /** The largest {@code limit} of the first {@code size} keys, ascending (an insertion-sorted window). */
        private static long[] topKeys(long[] keys, int size, int limit) {
            long[] top = new long[limit];
            int count = 0;
            for (int i = 0; i < size; i++) {
                long key = keys[i];
                if (count < limit) {
                    int j = count++;
                    while (j > 0 && top[j - 1] > key) {
                        top[j] = top[j - 1];
                        j--;
                    }
                    top[j] = key;
                } else if (key > top[0]) {
                    int j = 0;
                    while (j + 1 < limit && top[j + 1] < key) {
                        top[j] = top[j + 1];
                        j++;
                    }
                    top[j] = key;
                }
            }
            return top;
        }

        // graph layout: 0 source, 1..n applications, n+1..n+m experts, n+m+1 sink
        private int applicationNode(int a) {
            return 1 + a;
        }

        private int expertNode(int e) {
            return 1 + n + e;
        }

        private int sink() {
            return 1 + n + m;
        }

        /** The flows of one solution: per application, which of its candidates got the expert. */
        private record Solution(boolean[][] chosen, long[] sourceFlow, long[] sinkFlow, long bypassFlow) {
        }

        private long solverNanos;
        private long candidateNanos;
        private long pricingNanos;

        private Solution solveFlow() {
            long started = System.nanoTime();
            MinCostFlow flow = new MinCostFlow();
            try {
                int source = 0;
                int sink = sink();
                long slots = 0;
                int[] sourceArc = new int[n];
                for (int a = 0; a < n; a++) {
                    sourceArc[a] = flow.addArcWithCapacityAndUnitCost(source, applicationNode(a), demand[a], 0);
                    slots += demand[a];
                }
                int[][] arcs = new int[n][];
                for (int a = 0; a < n; a++) {
                    arcs[a] = new int[candidates[a].length];
                    for (int i = 0; i < candidates[a].length; i++) {
                        arcs[a][i] = flow.addArcWithCapacityAndUnitCost(applicationNode(a),
                                expertNode(candidates[a][i]), 1, -(bonus + candidateAffinity[a][i]));
                    }
                }
                int[] sinkArc = new int[m];
                for (int e = 0; e < m; e++) {
                    sinkArc[e] = flow.addArcWithCapacityAndUnitCost(expertNode(e), sink, capacity[e], 0);
                }
                int bypass = flow.addArcWithCapacityAndUnitCost(source, sink, slots, 0);
                flow.setNodeSupply(source, slots);
                flow.setNodeSupply(sink, -slots);
                MinCostFlowBase.Status status = flow.solve();
                if (status != MinCostFlowBase.Status.OPTIMAL) {
                    throw new IllegalStateException("min-cost flow ended " + status);
                }
                boolean[][] chosen = new boolean[n][];
                long[] sourceFlow = new long[n];
                long[] sinkFlow = new long[m];
                for (int a = 0; a < n; a++) {
                    sourceFlow[a] = flow.getFlow(sourceArc[a]);
                    chosen[a] = new boolean[arcs[a].length];
                    for (int i = 0; i < arcs[a].length; i++) {
                        chosen[a][i] = flow.getFlow(arcs[a][i]) > 0;
                    }
                }
                for (int e = 0; e < m; e++) {
                    sinkFlow[e] = flow.getFlow(sinkArc[e]);
                }
                return new Solution(chosen, sourceFlow, sinkFlow, flow.getFlow(bypass));
            } finally {
                flow.delete();
                solverNanos += System.nanoTime() - started;
            }
        }

        /**
         * Shortest-path distances from a virtual root (0 to every node) in the residual graph: feasible node
         * potentials, since an optimal flow leaves no negative cycle. Null when the relaxation does not settle.
         */
        private long[] potentials(Solution solution) {
            int nodes = n + m + 2;
            int sink = sink();
            int arcCount = 2 * n + 2 * m + 2;
            for (int[] list : candidates) {
                arcCount += list.length;
            }
            int[] tail = new int[arcCount];
            int[] head = new int[arcCount];
            long[] cost = new long[arcCount];
            int count = 0;
            for (int a = 0; a < n; a++) {
                if (solution.sourceFlow()[a] < demand[a]) {
                    tail[count] = 0;
                    head[count] = applicationNode(a);
                    count++;
                }
                if (solution.sourceFlow()[a] > 0) {
                    tail[count] = applicationNode(a);
                    head[count] = 0;
                    count++;
                }
                for (int i = 0; i < candidates[a].length; i++) {
                    long c = -(bonus + candidateAffinity[a][i]);
                    if (solution.chosen()[a][i]) {
                        tail[count] = expertNode(candidates[a][i]);
                        head[count] = applicationNode(a);
                        cost[count++] = -c;
                    } else {
                        tail[count] = applicationNode(a);
                        head[count] = expertNode(candidates[a][i]);
                        cost[count++] = c;
                    }
                }
            }
            for (int e = 0; e < m; e++) {
                if (solution.sinkFlow()[e] < capacity[e]) {
                    tail[count] = expertNode(e);
                    head[count] = sink;
                    count++;
                }
                if (solution.sinkFlow()[e] > 0) {
                    tail[count] = sink;
                    head[count] = expertNode(e);
                    count++;
                }
            }
            long slots = Arrays.stream(demand).asLongStream().sum();
            if (solution.bypassFlow() < slots) {
                tail[count] = 0;
                head[count] = sink;
                count++;
            }
            if (solution.bypassFlow() > 0) {
                tail[count] = sink;
                head[count] = 0;
                count++;
            }
            // compressed adjacency by tail
            int[] start = new int[nodes + 1];
            for (int i = 0; i < count; i++) {
                start[tail[i] + 1]++;
            }
            for (int v = 0; v < nodes; v++) {
                start[v + 1] += start[v];
            }
            int[] next = Arrays.copyOf(start, nodes);
            int[] to = new int[count];
            long[] weight = new long[count];
            for (int i = 0; i < count; i++) {
                int slot = next[tail[i]]++;
                to[slot] = head[i];
                weight[slot] = cost[i];
            }
            // queue-based Bellman-Ford (each node is queued at most once at a time)
            long[] distance = new long[nodes];
            int[] queue = new int[nodes];
            boolean[] queued = new boolean[nodes];
            int headIndex = 0;
            int size = nodes;
            for (int v = 0; v < nodes; v++) {
                queue[v] = v;
                queued[v] = true;
            }
            long budget = 1000L * nodes;
            long relaxations = 0;
            while (size > 0) {
                int u = queue[headIndex];
                headIndex = (headIndex + 1) % nodes;
                size--;
                queued[u] = false;
                for (int i = start[u]; i < start[u + 1]; i++) {
                    int v = to[i];
                    long candidate = distance[u] + weight[i];
                    if (candidate < distance[v]) {
                        distance[v] = candidate;
                        if (!queued[v]) {
                            queue[(headIndex + size) % nodes] = v;
                            queued[v] = true;
                            size++;
                        }
                    }
                }
                if (++relaxations > budget) {
                    return null;
                }
            }
            return distance;
        }

        /**
         * Adds to the graph every left-out allowed pair whose reduced cost is negative (at most
         * {@code candidates} per application and round, the most negative first). Returns the number added.
         */
        private long price(long[] distance) {
            Integer[] byPotential = new Integer[m];
            for (int e = 0; e < m; e++) {
                byPotential[e] = e;
            }
            Arrays.sort(byPotential, (x, y) -> {
                int c = Long.compare(distance[expertNode(y)], distance[expertNode(x)]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            int perRound = Math.max(options.candidates(), 1);
            long added = 0;
            long[] violations = new long[m];
            int[] violationAffinity = new int[m];
            for (int next = 0; next < n; next++) {
                final int a = next;
                if (demand[a] == 0) {
                    continue;
                }
                int s = markBlocked(a);
                for (int e : candidates[a]) {
                    candidateMark[e] = s;
                }
                long da = distance[applicationNode(a)];
                int[] size = {0};
                forEachPositive(a, s, e -> {
                    if (blockedMark[e] != s && candidateMark[e] != s && capacity[e] > 0) {
                        int affinity = affinity(a, e);
                        long reduced = da - (bonus + affinity) - distance[expertNode(e)];
                        if (reduced < 0) {
                            violationAffinity[e] = affinity;
                            violations[size[0]++] = encode(reduced, e);
                        }
                    }
                });
                int zero = 0;
                // every other expert has affinity 0 and the same cost: the highest potentials are the only suspects
                for (int rank = 0; rank < m && size[0] < m; rank++) {
                    int e = byPotential[rank];
                    if (positiveMark[e] == s || blockedMark[e] == s || candidateMark[e] == s || capacity[e] == 0) {
                        continue;
                    }
                    long reduced = da - bonus - distance[expertNode(e)];
                    if (reduced >= 0) {
                        break;
                    }
                    violationAffinity[e] = 0;
                    violations[size[0]++] = encode(reduced, e);
                    if (++zero >= perRound) {
                        break;
                    }
                }
                if (size[0] == 0) {
                    continue;
                }
                Arrays.sort(violations, 0, size[0]);
                int take = Math.min(size[0], perRound);
                int old = candidates[a].length;
                candidates[a] = Arrays.copyOf(candidates[a], old + take);
                candidateAffinity[a] = Arrays.copyOf(candidateAffinity[a], old + take);
                for (int i = 0; i < take; i++) {
                    int e = (int) (violations[i] & 0xffffffffL);
                    candidates[a][old + i] = e;
                    candidateAffinity[a][old + i] = violationAffinity[e];
                }
                added += take;
            }
            return added;
        }

        /** Sorts by reduced cost (most negative first), then expert index; reduced costs stay far below 2^31. */
        private static long encode(long reduced, int e) {
            long clipped = Math.max(reduced, -(1L << 30));
            return ((clipped + (1L << 30)) << 32) | e;
        }

        Assignment solve() {
            long started = System.nanoTime();
            initialCandidates();
            candidateNanos = System.nanoTime() - started;
            Solution solution = solveFlow();
            long firstAffinity = affinityOf(solution);
            int firstFilled = filledOf(solution);
            int rounds = 1;
            boolean optimal = options.dense();
            while (!optimal) {
                long pricingStarted = System.nanoTime();
                long[] distance = potentials(solution);
                long added = distance == null ? -1 : price(distance);
                pricingNanos += System.nanoTime() - pricingStarted;
                if (added < 0) {
                    break;
                }
                if (added == 0) {
                    optimal = true;
                    break;
                }
                if (rounds >= options.maxRounds()) {
                    break;
                }
                solution = solveFlow();
                rounds++;
            }
            return result(solution, rounds, optimal, firstAffinity, firstFilled,
                    (System.nanoTime() - started) / 1_000_000);
        }

        private long affinityOf(Solution solution) {
            long total = fixedPairs.stream().mapToLong(Assignment.AssignedPair::affinity).sum();
            for (int a = 0; a < n; a++) {
                for (int i = 0; i < candidates[a].length && i < solution.chosen()[a].length; i++) {
                    if (solution.chosen()[a][i]) {
                        total += candidateAffinity[a][i];
                    }
                }
            }
            return total;
        }

        private int filledOf(Solution solution) {
            long filled = fixedPairs.size();
            for (long f : solution.sourceFlow()) {
                filled += f;
            }
            return (int) filled;
        }

        private Assignment result(Solution solution, int rounds, boolean optimal, long firstAffinity,
                int firstFilled, long millis) {
            List<Assignment.AssignedPair>[] byApplication = perApplication();
            for (Assignment.AssignedPair pair : fixedPairs) {
                byApplication[applicationIndex.get(pair.applicationId())].add(pair);
            }
            int[] finalLoad = load.clone();
            long arcs = 0;
            for (int a = 0; a < n; a++) {
                arcs += candidates[a].length;
                for (int i = 0; i < solution.chosen()[a].length; i++) {
                    if (solution.chosen()[a][i]) {
                        int e = candidates[a][i];
                        finalLoad[e]++;
                        byApplication[a].add(new Assignment.AssignedPair(applicationIds[a], expertIds[e],
                                candidateAffinity[a][i], Assignment.Origin.SOLVED));
                    }
                }
            }
            List<Assignment.AssignedPair> pairs = new ArrayList<>();
            long total = 0;
            for (List<Assignment.AssignedPair> list : byApplication) {
                list.sort((x, y) -> Integer.compare(expertIndex.get(x.expertId()), expertIndex.get(y.expertId())));
                pairs.addAll(list);
                for (Assignment.AssignedPair pair : list) {
                    total += pair.affinity();
                }
            }
            int full = 0;
            for (int e = 0; e < m; e++) {
                if (finalLoad[e] >= request.perExpert()) {
                    full++;
                }
            }
            List<Assignment.Shortfall> shortfalls = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                int assigned = byApplication[a].size();
                if (assigned >= request.perApplication()) {
                    continue;
                }
                int s = ++stamp;
                int conflicted = conflicts.expertsOf(a).length;
                int excluded = conflicted;
                int excludedFull = 0;
                int forbidden = 0;
                for (int e : conflicts.expertsOf(a)) {
                    blockedMark[e] = s;
                    if (finalLoad[e] >= request.perExpert()) {
                        excludedFull++;
                    }
                }
                for (int e : forbiddenOf[a]) {
                    if (blockedMark[e] != s) {
                        blockedMark[e] = s;
                        forbidden++;
                        excluded++;
                        if (finalLoad[e] >= request.perExpert()) {
                            excludedFull++;
                        }
                    }
                }
                int assignedFull = 0;
                for (Assignment.AssignedPair pair : byApplication[a]) {
                    if (finalLoad[expertIndex.get(pair.expertId())] >= request.perExpert()) {
                        assignedFull++;
                    }
                }
                shortfalls.add(new Assignment.Shortfall(applicationIds[a], assigned, request.perApplication(), m,
                        conflicted, conflicts.reasonCounts(applicationIds[a]), forbidden, m - excluded,
                        full - excludedFull - assignedFull));
            }
            long solverMillis = solverNanos / 1_000_000;
            return new Assignment(List.copyOf(pairs), total, n * request.perApplication(), pairs.size(),
                    List.copyOf(shortfalls), List.copyOf(droppedKept), optimal,
                    new Assignment.Statistics(rounds, arcs, firstAffinity, firstFilled,
                            candidateNanos / 1_000_000, solverMillis, pricingNanos / 1_000_000, millis));
        }

        @SuppressWarnings("unchecked")
        private List<Assignment.AssignedPair>[] perApplication() {
            List<Assignment.AssignedPair>[] lists = new List[n];
            for (int a = 0; a < n; a++) {
                lists[a] = new ArrayList<>();
            }
            return lists;
        }
    }
}
