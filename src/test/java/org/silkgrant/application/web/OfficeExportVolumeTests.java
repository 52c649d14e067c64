package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The 汇总表 of a call with 20,000 applications (100,000 with {@code -Doffice.volume.rows=100000}, see
 * docs/performance.md), through a real server and an HTTP client that reads the
 * response as a stream and counts the rows of the sheet without ever holding the file: every row arrives, in
 * order, while the live heap (measured after each garbage collection during the export) stays far below what the
 * rows would take if they were gathered in memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class OfficeExportVolumeTests {

    static final int ROWS = Integer.getInteger("office.volume.rows", 20_000);
    /** Live heap the export may add: one chunk of rows, POI's window and buffers; never the whole table. */
    static final long MAX_LIVE_GROWTH = 128L * 1024 * 1024;

    @TestConfiguration
    static class OwnContext {
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountManagement accounts;

    @Test
    void exportsEveryRowStreamingWithBoundedHeap() throws Exception {
        long insertStart = System.nanoTime();
        insert(ROWS);
        Duration inserting = Duration.ofNanos(System.nanoTime() - insertStart);
        System.out.printf("office export: %,d rows inserted in %d ms%n", ROWS, inserting.toMillis());

        System.gc();
        long baseline = heapUsed();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        AtomicLong peakLive = new AtomicLong();
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                // What survived the last collection of each pool: the live data, not the garbage awaiting collection.
                long live = pools.stream().mapToLong(p -> p.getCollectionUsage() == null ? 0 : p.getCollectionUsage().getUsed()).sum();
                peakLive.accumulateAndGet(live, Math::max);
                peakUsed.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        long start = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/calls/2023-SCO/applications.xlsx"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                ("officer:" + SilkGrantTest.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "en").timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        Duration firstByte = Duration.ofNanos(System.nanoTime() - start);
        // Straight to disk: the client, too, never holds the file (the zip's central directory is at its end).
        Path file = Files.createTempFile("summary", ".xlsx");
        Sheet sheet;
        try (InputStream body = response.body()) {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            Duration total = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("office export: %,d bytes received after %d ms%n", Files.size(file), total.toMillis());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                sheet = readSheet(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        sampler.interrupt();
        sampler.join();

        long growth = Math.max(0, peakLive.get() - baseline);
        System.out.printf("office export: %,d rows inserted in %d ms; headers after %d ms, file read after %d ms; "
                        + "heap before %,d MB, peak live %,d MB (growth %,d MB), peak used incl. garbage %,d MB, max %,d MB%n",
                ROWS, inserting.toMillis(), firstByte.toMillis(), total.toMillis(), baseline >> 20,
                peakLive.get() >> 20, growth >> 20, peakUsed.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);

        assertThat(sheet.dataRows).isEqualTo(ROWS);
        assertThat(sheet.firstReceipt).isEqualTo(receipt(1));
        assertThat(sheet.lastReceipt).isEqualTo(receipt(ROWS));
        assertThat(growth).as("live heap growth during the export").isLessThan(MAX_LIVE_GROWTH);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String receipt(int n) {
        return "2023-SCO-%06d".formatted(n);
    }

    private void insert(int rows) {
        AccountView leader = accounts.findByUsername("uni-leader").orElseThrow();
        Instant at = Instant.parse("2023-05-10T02:00:00Z");
        String[] statuses = {"SUBMITTED", "ORG_APPROVED", "RECOMMENDED", "ACCEPTED", "RETURNED"};
        String[] countries = {"RU", "KZ", "KZ,RU", "MN", "UZ"};
        List<Object[]> batch = new ArrayList<>();
        for (int n = 1; n <= rows; n++) {
            Timestamp time = Timestamp.from(at.plusSeconds(n));
            batch.add(new Object[] {leader.organizationId(), leader.id(), "项目 " + n + " 阿尔泰区域生态监测联合研究",
                    statuses[n % statuses.length], time, time, receipt(n), time, n % 2 == 0 ? "GENERAL" : "KEY",
                    n % 2 == 0 ? "G3" : "K1", "ECOLOGICAL_ENVIRONMENT", countries[n % countries.length],
                    BigDecimal.valueOf(n % 1000, 1), BigDecimal.valueOf(n % 500), "新疆大学", "UNIVERSITY", "张明"});
            if (batch.size() == 5_000 || n == rows) {
                jdbc.batchUpdate("""
                        insert into application (call_code, organization_id, leader_id, title, status, created_at,
                            updated_at, version, submitted_versions, receipt_number, submitted_at, category, scope_code,
                            field_code, partner_countries, fiscal, self_raised, organization_name, organization_type,
                            leader_name)
                        values ('2023-SCO', ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
                batch.clear();
            }
        }
    }

    /** What the streaming reader saw of the first sheet. */
    private record Sheet(int dataRows, String firstReceipt, String lastReceipt) {
    }

    /** Counts the rows of sheet1.xml as they stream past; the title and the header row are not data. */
    private static Sheet readSheet(InputStream zip) throws Exception {
        {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(zip, "UTF-8");
            int rows = 0;
            int cell = 0;
            String first = null;
            String last = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    rows++;
                    cell = 0;
                } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                    cell++;
                } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("t")
                        && cell == 1 && rows > 2) {
                    last = xml.getElementText();
                    if (first == null) {
                        first = last;
                    }
                }
            }
            return new Sheet(rows - 2, first, last);
        }
    }
}
