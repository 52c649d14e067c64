package org.silkgrant.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor's autosave at its worst, on whatever database the caller runs: every section of one application saved
 * at the same instant from the same version (a person leaving a field in one section by clicking into another fires
 * two saves at once; nine is the whole form), round after round. Every save must succeed and every text must be
 * stored; a stale save of the same section must still be a conflict; writers of one section racing from one version
 * must end with exactly one winner whose text is stored.
 */
final class SectionSaveRace {

    /** Saves a section's JSON from a version: the HTTP status (200 with the new version, or 409, …). */
    interface Saver {
        Saved save(String section, String json, long ifMatch) throws Exception;
    }

    /** A save's outcome: its status and, when it succeeded, the application's version after it. */
    record Saved(int status, long version) {
    }

    /** The application as stored now: its version and each section's JSON. */
    interface Reader {
        Stored read() throws Exception;
    }

    record Stored(long version, Map<String, JsonNode> sections) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SectionSaveRace() {
    }

    /** Each section's JSON for one round, every text marked with the round so that a lost save shows. */
    static Map<String, String> sections(int round) {
        String r = "第" + round + "轮";
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("basics", "{\"title\":\"并发保存测试" + round + "\",\"summary\":\"摘要" + r + "\"}");
        sections.put("narrative", "{\"objectives\":\"目标" + r + "\",\"rationale\":\"理由" + r + "\"}");
        sections.put("team", "{\"members\":[{\"fullName\":\"成员" + r + "\",\"role\":\"MEMBER\"}]}");
        sections.put("partners", "{\"partners\":[{\"country\":\"RU\",\"name\":\"伙伴" + r + "\",\"people\":[]}]}");
        sections.put("coApplicants", "{\"organizations\":[{\"name\":\"联合单位" + r + "\",\"province\":\"新疆\"}]}");
        sections.put("budget", "{\"fiscal\":\"" + round + "\",\"selfRaised\":\"0\",\"lines\":[]}");
        sections.put("indicators", "{\"indicators\":[{\"kind\":\"PAPER\",\"description\":\"论文" + r
                + "\",\"quantity\":" + round + ",\"unit\":\"篇\"}]}");
        sections.put("ethics", "{\"humanSubjects\":" + (round % 2 == 0) + ",\"humanGeneticResources\":false,"
                + "\"laboratoryAnimals\":false}");
        sections.put("agreement", "{\"scienceInput\":\"第" + round + "条\",\"divisionOfWork\":\"分工" + r + "\"}");
        return sections;
    }

    /** Whether the stored JSON holds what was sent (the server adds the fields the writer left out, as null). */
    static boolean holds(JsonNode stored, JsonNode sent) {
        if (sent.isObject()) {
            if (stored == null || !stored.isObject()) {
                return false;
            }
            for (var field : sent.properties()) {
                if (!holds(stored.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (sent.isArray()) {
            if (stored == null || !stored.isArray() || stored.size() != sent.size()) {
                return false;
            }
            for (int i = 0; i < sent.size(); i++) {
                if (!holds(stored.get(i), sent.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return stored != null && (stored.equals(sent) || sent.isNumber() && stored.isNumber()
                && stored.decimalValue().compareTo(sent.decimalValue()) == 0
                || sent.isString() && stored.isNumber() && stored.asString().equals(sent.asString()));
    }

    /** Runs the rounds and the two conflict checks; fails the calling test on any lost or failed save. */
    static void run(Saver saver, Reader reader, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            long startedFrom = reader.read().version();
            for (int round = 1; round <= rounds; round++) {
                Map<String, String> sections = sections(round);
                long version = reader.read().version();
                CyclicBarrier start = new CyclicBarrier(sections.size());
                Map<String, Future<Saved>> saves = new LinkedHashMap<>();
                for (var section : sections.entrySet()) {
                    saves.put(section.getKey(), pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return saver.save(section.getKey(), section.getValue(), version);
                    }));
                }
                List<Long> versions = new ArrayList<>();
                for (var save : saves.entrySet()) {
                    Saved saved = save.getValue().get(60, TimeUnit.SECONDS);
                    assertThat(saved.status()).as("round %d: save of %s from version %d", round, save.getKey(), version)
                            .isEqualTo(200);
                    versions.add(saved.version());
                }
                assertThat(versions).as("round %d: each save got its own version", round).doesNotHaveDuplicates();
                Stored stored = reader.read();
                assertThat(stored.version()).as("round %d: the version after %d saves", round, sections.size())
                        .isEqualTo(version + sections.size());
                for (var section : sections.entrySet()) {
                    JsonNode sent = JSON.readTree(section.getValue());
                    JsonNode kept = stored.sections().get(section.getKey());
                    assertThat(kept).as("round %d: %s stored", round, section.getKey()).isNotNull();
                    assertThat(holds(kept, sent)).as("round %d: %s stored as sent: %s, stored %s", round,
                            section.getKey(), sent, kept).isTrue();
                }
            }

            // The same section saved from a version older than its last save: a conflict, nothing overwritten.
            Saved stale = saver.save("narrative", "{\"objectives\":\"过期版本的文字\"}", startedFrom);
            assertThat(stale.status()).as("a stale save of the narrative").isEqualTo(409);
            assertThat(reader.read().sections().get("narrative").get("objectives").asString())
                    .as("the narrative after the stale save").isEqualTo("目标第" + rounds + "轮");

            // Four writers of one section from one version: one wins, the others meet its save.
            long from = reader.read().version();
            CyclicBarrier together = new CyclicBarrier(4);
            List<Future<Saved>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String json = "{\"objectives\":\"写入者" + w + "\"}";
                writers.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return saver.save("narrative", json, from);
                }));
            }
            int won = -1;
            int conflicts = 0;
            for (int w = 0; w < writers.size(); w++) {
                int status = writers.get(w).get(60, TimeUnit.SECONDS).status();
                assertThat(status).as("writer %d of the narrative", w).isIn(200, 409);
                if (status == 200) {
                    won = w;
                } else {
                    conflicts++;
                }
            }
            assertThat(conflicts).as("writers of one section from one version that met another's save").isEqualTo(3);
            assertThat(reader.read().sections().get("narrative").get("objectives").asString())
                    .as("the narrative is the winner's").isEqualTo("写入者" + won);
        } finally {
            pool.shutdownNow();
        }
    }
}
