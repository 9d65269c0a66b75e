package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.Set;

import static cn.dibao.application.Cases.ALL_MATERIALS;
import static cn.dibao.application.Cases.CASEWORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 受理 (domain-rules §3.2): complete or 一次性告知, 补正, and the inputs refused with nothing saved. */
@IntegrationTest
class ApplicationIntakeTest {

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

    /**
     * Missing materials: the case waits as RETURNED with everything missing listed at once and no
     * step limit; once complete (Thursday 12 February) it is accepted and the limits run from that day.
     */
    @Test
    void incompleteMaterialsAreListedAtOnceAndTheClockStartsWhenComplete() {
        cases.on(LocalDate.of(2026, 2, 10));
        Cases.Household h = cases.household(Fixtures.VILLAGE_A);
        long id = cases.as(CASEWORKER, () -> service.accept(new ApplicationInput.New(h.id(), h.applicantId(),
                AssistanceType.DIBAO, Channel.WINDOW, null, null, null, LocalDate.of(2026, 2, 10),
                Set.of("ID_CARD", "APPLICATION_FORM"), true, null, null, null)));

        ApplicationView v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.RETURNED);
        assertThat(v.returnedFrom()).isEqualTo(ApplicationState.ACCEPTED);
        assertThat(v.promiseSigned()).isTrue();
        assertThat(v.authorisationSigned()).isFalse();
        assertThat(v.materials()).containsExactlyInAnyOrder("ID_CARD", "APPLICATION_FORM", "PROMISE");
        assertThat(v.missingMaterials()).extracting(ApplicationView.Material::code)
                .containsExactly("AUTHORISATION", "INCOME_PROOF");
        assertThat(v.stepDue()).isNull();
        assertThat(v.timeline()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(TimelineCode.ACCEPT);
            assertThat(e.toState()).isEqualTo(ApplicationState.RETURNED);
            assertThat(e.comment()).contains("一次性告知");
        });

        // bringing only part of it changes nothing
        assertThatThrownBy(() -> cases.run(CASEWORKER, () -> service.supplement(id,
                new ApplicationInput.Supplement(Set.of("INCOME_PROOF"), null, null))))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("application.materials.stillMissing");
                    assertThat(((DomainException) e).args()).containsExactly("家庭经济状况核对授权书（签字）");
                });
        assertThat(cases.view(id).materials()).doesNotContain("INCOME_PROOF");

        cases.on(LocalDate.of(2026, 2, 12));
        cases.run(CASEWORKER, () -> service.supplement(id,
                new ApplicationInput.Supplement(Set.of("INCOME_PROOF"), null, true)));
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.ACCEPTED);
        assertThat(v.returnedFrom()).isNull();
        assertThat(v.missingMaterials()).isEmpty();
        assertThat(v.authorisationSigned()).isTrue();
        assertThat(v.receivedOn()).isEqualTo("2026-02-12");
        assertThat(v.stepDue()).isNotNull();
        assertThat(v.stepDue().due()).isEqualTo("2026-02-24");
        assertThat(v.totalDue().due()).isEqualTo("2026-04-01");
        assertThat(v.timeline()).extracting(e -> e.action().name()).containsExactly("ACCEPT", "SUPPLEMENT");
    }

    /** Returned in the middle of the investigation, the case resumes there; the limits keep running. */
    @Test
    void aCaseReturnedDuringTheInvestigationResumesThere() {
        cases.on(LocalDate.of(2026, 3, 2));
        long id = cases.accept(CASEWORKER, cases.household(Fixtures.VILLAGE_A));
        cases.run(CASEWORKER, () -> service.startInvestigation(id));
        var totalDue = cases.view(id).totalDue().due();
        cases.on(LocalDate.of(2026, 3, 4));
        cases.run(CASEWORKER, () -> service.returnForSupplement(id, Cases.reason("需补充工资流水")));
        assertThat(cases.view(id).returnedFrom()).isEqualTo(ApplicationState.INVESTIGATING);
        cases.run(CASEWORKER, () -> service.supplement(id, new ApplicationInput.Supplement(Set.of(), null, null)));
        ApplicationView v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.INVESTIGATING);
        assertThat(v.receivedOn()).isEqualTo("2026-03-02");
        assertThat(v.totalDue().due()).isEqualTo(totalDue);
    }

    /** One open case per household and type: a second acceptance saves nothing. */
    @Test
    void aDuplicateOpenApplicationIsRefusedWithNothingSaved() {
        cases.on(LocalDate.of(2026, 3, 2));
        Cases.Household h = cases.household(Fixtures.VILLAGE_A);
        long first = cases.accept(CASEWORKER, h);
        long before = applications(h);
        long events = events(h);

        assertThatThrownBy(() -> cases.accept(CASEWORKER, h))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("application.duplicateOpen");
                    assertThat(((DomainException) e).field()).isEqualTo("assistanceType");
                });
        assertThat(applications(h)).isEqualTo(before);
        assertThat(events(h)).isEqualTo(events);

        // another monthly type while one is open: one case decides the programme (一次申请、分类审核认定, ADR 0026)
        assertThatThrownBy(() -> cases.accept(CASEWORKER, h, AssistanceType.DIBAO_EDGE, Set.of("ID_CARD"), false))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.otherOpen");
        assertThat(applications(h)).isEqualTo(before);

        // once the first is closed, the household may apply again; a case waiting for materials is open too
        cases.run(CASEWORKER, () -> service.withdraw(first, Cases.reason("申请人撤回")));
        long again = cases.accept(CASEWORKER, h, AssistanceType.DIBAO_EDGE, Set.of("ID_CARD"), false);
        assertThat(again).isNotEqualTo(first);
        assertThatThrownBy(() -> cases.accept(CASEWORKER, h, AssistanceType.DIBAO_EDGE, ALL_MATERIALS, false))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.duplicateOpen");
        assertThatThrownBy(() -> cases.accept(CASEWORKER, h))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.otherOpen");
        assertThat(applications(h)).isEqualTo(before + 1);
    }

    @Test
    void badInputsAreRefusedWithNothingSaved() {
        cases.on(LocalDate.of(2026, 3, 2));
        Cases.Household h = cases.household(Fixtures.VILLAGE_A);
        Cases.Household other = cases.household(Fixtures.VILLAGE_A);
        LocalDate today = cases.today();

        assertRefused(CASEWORKER, new ApplicationInput.New(h.id(), other.applicantId(), AssistanceType.DIBAO,
                Channel.WINDOW, null, null, null, today, ALL_MATERIALS, null, null, null, null),
                "application.applicant.notMember");
        assertRefused(CASEWORKER, new ApplicationInput.New(h.id(), h.applicantId(), AssistanceType.DIBAO,
                Channel.PROXY, " ", "村委会", null, today, ALL_MATERIALS, null, null, null, null),
                "application.proxy.required");
        assertRefused(CASEWORKER, Cases.application(h, AssistanceType.DIBAO, today.plusDays(1), ALL_MATERIALS, false),
                "application.date.future");
        assertRefused(CASEWORKER, Cases.application(h, AssistanceType.DIBAO, today, Set.of("ID_CARD", "XYZ"), false),
                "application.materials.unknown");
        assertRefused(Cases.REVIEWER, Cases.application(h, AssistanceType.DIBAO, today, ALL_MATERIALS, false),
                "application.role.CASEWORKER");
        // another township's caseworker does not find the household
        assertThatThrownBy(() -> cases.as("caseworker2",
                () -> service.accept(Cases.application(h, AssistanceType.DIBAO, today, ALL_MATERIALS, false))))
                .isInstanceOf(NotFoundException.class);
        assertThat(applications(h)).isZero();

        // a proxy application with the proxy named is accepted
        long id = cases.as(CASEWORKER, () -> service.accept(new ApplicationInput.New(h.id(), h.applicantId(),
                AssistanceType.DIBAO, Channel.PROXY, " 村委会 ", "委托", null, today, ALL_MATERIALS, null, null, null,
                null)));
        ApplicationView v = cases.view(id);
        assertThat(v.channel()).isEqualTo(Channel.PROXY);
        assertThat(v.proxyName()).isEqualTo("村委会");
    }

    private void assertRefused(String user, ApplicationInput.New in, String key) {
        assertThatThrownBy(() -> cases.as(user, () -> service.accept(in)))
                .isInstanceOf(key.startsWith("application.role.") ? ForbiddenActionException.class
                        : DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo(key));
    }

    private long applications(Cases.Household h) {
        return jdbc.queryForObject("select count(*) from application where household_id = ?", Long.class, h.id());
    }

    private long events(Cases.Household h) {
        return jdbc.queryForObject("""
                select count(*) from application_event e join application a on a.id = e.application_id
                where a.household_id = ?""", Long.class, h.id());
    }
}
