package org.silkgrant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.gatling.app.Gatling$;
import io.gatling.shared.cli.GatlingCliOptions;

/**
 * The deadline-rush simulation of bench/, run by Gatling itself for a few users and a few seconds against the
 * application on a random port (seeded by the bench seeder, ceiling endpoint on), so that the scenario cannot rot:
 * every request succeeds, leaders submit, the ceiling is written to.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"silkgrant.bench.enabled=true",
        "silkgrant.seed.organizations=40", "silkgrant.seed.exit=false"})
@ActiveProfiles("test")
class LoadScenarioSmokeTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aShortDeadlineRushRunsWithoutOneFailedRequest() {
        Map.of("base", "http://localhost:" + port, "users", "3", "ramp", "1", "hold", "4", "think", "0.01",
                "capacityUsers", "2", "capacitySeconds", "2", "seeded", "40", "firstLeader", "1")
                .forEach(System::setProperty);

        int status = Gatling$.MODULE$.fromArgs(new String[] {
                GatlingCliOptions.Simulation.longOption(), DeadlineRushSimulation.class.getName(),
                GatlingCliOptions.ResultsFolder.longOption(), "target/gatling-smoke",
                GatlingCliOptions.NoReports.longOption()});

        // Non-zero when the simulation's assertion (no failed request) does not hold.
        assertThat(status).isZero();
        assertThat(jdbc.queryForObject("select count(*) from bench_ping", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from application a join user_account u on u.id = a.leader_id "
                + "where u.username like 'bench-%' and a.status <> 'DRAFT'", Integer.class)).isPositive();
    }
}
