package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static cn.dibao.application.Cases.CASEWORKER;
import static cn.dibao.application.Cases.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An objection during 公示 (domain-rules §3.5): back to investigation for a second round with a new
 * 初审 due within 15 WD, a second 公示, then the decision, for which the county must visit because
 * of the complaint (§3.6).
 */
@IntegrationTest
class ObjectionLoopTest {

    @Autowired
    ApplicationService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Cases cases;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anObjectionSendsTheCaseRoundAgainAndMakesTheCountyVisit() {
        cases.on(LocalDate.of(2026, 3, 2));
        long id = cases.accept(CASEWORKER, cases.household(Fixtures.VILLAGE_A));
        cases.investigate(CASEWORKER, id);
        cases.on(LocalDate.of(2026, 3, 3));
        cases.review(CASEWORKER, id);
        ApplicationView v = cases.view(id);
        assertThat(v.round()).isEqualTo(1);
        assertThat(v.stepDue().due()).isEqualTo("2026-03-09"); // 公示 3–9 March
        assertThat(v.totalDue().due()).isEqualTo("2026-04-21"); // 30 WD + the 5 WD of 公示

        // Thursday 5 March: a neighbour objects
        cases.on(LocalDate.of(2026, 3, 5));
        cases.run(CASEWORKER, () -> service.recordObjection(id,
                new ApplicationInput.Objection(LocalDate.of(2026, 3, 5), "邻居反映申请人有经营性收入")));
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.INVESTIGATING);
        assertThat(v.round()).isEqualTo(2);
        assertThat(v.complaint()).isTrue();
        assertThat(v.stepDue().due()).isEqualTo("2026-03-26"); // new 初审 within 15 WD of the objection
        // 公示 ran 3–5 March (3 WD); the days after the objection are investigation, not 公示
        assertThat(v.totalDue().due()).isEqualTo("2026-04-17");
        assertThat(v.objections()).singleElement().satisfies(o -> {
            assertThat(o.round()).isEqualTo(1);
            assertThat(o.receivedOn()).isEqualTo("2026-03-05");
            assertThat(o.recordedBy()).isEqualTo(CASEWORKER);
        });
        assertThat(v.publicities()).singleElement().satisfies(p -> assertThat(p.closedOn()).isEqualTo("2026-03-05"));
        assertThat(v.timeline()).extracting(ApplicationView.Event::action).last().isEqualTo(TimelineCode.OBJECTION);

        // re-investigated, a new 初审 and a second 公示 (10–16 March)
        cases.on(LocalDate.of(2026, 3, 10));
        cases.run(CASEWORKER, () -> {
            service.recordHomeVisit(id, Cases.visit(LocalDate.of(2026, 3, 10)));
            service.recordInterview(id, new ApplicationInput.Interview(LocalDate.of(2026, 3, 10), "村委会主任",
                    "所称经营系亲属所有，与申请人无关"));
            service.submitInvestigation(id);
        });
        cases.review(CASEWORKER, id);
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.PUBLICITY);
        assertThat(v.reviews()).extracting(ApplicationView.Review::round).containsExactly(1, 2);
        assertThat(v.publicities()).extracting(ApplicationView.Publicity::round).containsExactly(1, 2);
        assertThat(v.publicities().get(1).startsOn()).isEqualTo("2026-03-10");
        assertThat(v.publicities().get(1).endsOn()).isEqualTo("2026-03-16");
        assertThat(v.stepDue().due()).isEqualTo("2026-03-16");
        assertThat(v.totalDue().due()).isEqualTo("2026-04-24"); // 30 + 3 + 5 WD

        // closed without objection: the county must visit, whatever the draw
        cases.closePublicity(CASEWORKER, id);
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.AWAITING_DECISION);
        assertThat(cases.today()).isEqualTo("2026-03-17");
        assertThat(v.stepDue().due()).isEqualTo("2026-03-31");
        assertThat(v.sampled()).isTrue();
        assertThat(v.visitRequired()).isTrue();
        assertThat(v.publicities().get(1).closedOn()).isEqualTo("2026-03-17");
        assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.approve.visitMissing");

        cases.countyVisit(REVIEWER, id);
        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve("异议不成立")));
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.APPROVED);
        assertThat(v.visitDoneOn()).isEqualTo("2026-03-17");
        assertThat(v.homeVisits()).extracting(ApplicationView.HomeVisit::kind)
                .containsExactly("TOWNSHIP", "TOWNSHIP", "COUNTY");
        assertThat(v.timeline()).extracting(e -> e.action().name()).containsSubsequence(
                "ACCEPT", "TOWNSHIP_REVIEW", "OBJECTION", "HOME_VISIT", "SUBMIT_INVESTIGATION", "TOWNSHIP_REVIEW",
                "PUBLICITY_CLOSED", "COUNTY_VISIT", "APPROVE");
    }
}
