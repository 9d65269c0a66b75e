package cn.dibao.eligibility;

import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.engine.Programme;
import cn.dibao.household.HouseholdService;
import cn.dibao.support.AsStaff;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.dibao.engine.EligibilityResult.BenefitLine;
/**
 * Stored checks are immutable JSON (ADR 0015): one stored before components and persons carried codes and
 * ids is read with the codes of the same evaluation re-run on its stored input, and only when every figure
 * of the re-run is the stored one; otherwise it is read as stored, without codes, and nothing is guessed
 * from its labels.
 */
@IntegrationTest
class LegacyCheckReportTest {

    /** What the report looked like before the codes: no code, personId, careTier, nor personIds. */
    static final String TO_OLD_FORMAT = """
            update eligibility_check set result = jsonb_set(result, '{programmes}', (
                select jsonb_agg((p - 'personIds') || jsonb_build_object('components', (
                    select coalesce(jsonb_agg(c - 'code' - 'personId' - 'careTier' order by i), '[]'::jsonb)
                    from jsonb_array_elements(p -> 'components') with ordinality as x(c, i))) order by n)
                from jsonb_array_elements(result -> 'programmes') with ordinality as y(p, n)))
            where id = ?""";

    @Autowired
    EligibilityCheckService checks;
    @Autowired
    HouseholdService households;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    long householdId;

    @BeforeEach
    void household() {
        householdId = EligibilityCheckTest.threeAdultsEarning1500(households, users, jdbc, "旧格式路 1 号")[0];
    }

    @Test
    void anOldCheckIsReadWithTheCodesOfItsOwnInputReRun() {
        CheckReport fresh = run();
        jdbc.update(TO_OLD_FORMAT, fresh.checkId());
        assertThat(jdbc.queryForObject("select result -> 'programmes' -> 1 -> 'components' -> 0 -> 'code' is not null from "
                + "eligibility_check where id = ?", Boolean.class, fresh.checkId())).as("stored without codes").isFalse();

        CheckReport old = AsStaff.call(users, "reviewer", () -> checks.get(fresh.checkId()));
        assertThat(old.hasCodes()).isTrue();
        assertThat(old.programme(Programme.DIBAO).components()).extracting(CheckReport.Component::code)
                .containsExactly(BenefitLine.Component.GAP);
        assertThat(old.programme(Programme.DIBAO).amount()).isEqualByComparingTo("1065.00");
        assertThat(old.checkedAt()).isEqualTo(fresh.checkedAt());
    }

    @Test
    void anOldCheckWhoseFiguresTheReRunDoesNotGiveIsReadAsStoredWithoutCodes() {
        CheckReport fresh = run();
        jdbc.update(TO_OLD_FORMAT, fresh.checkId());
        jdbc.update("""
                update eligibility_check set result = jsonb_set(result, '{programmes,1,components,0,amount}', '1000.00')
                where id = ?""", fresh.checkId());

        CheckReport old = AsStaff.call(users, "reviewer", () -> checks.get(fresh.checkId()));
        assertThat(old.hasCodes()).isFalse();
        assertThat(old.programme(Programme.DIBAO).components()).singleElement().satisfies(c -> {
            assertThat(c.amount()).isEqualByComparingTo("1000.00");
            assertThat(c.code()).isNull();
        });
    }

    private CheckReport run() {
        CheckReport r = AsStaff.call(users, "caseworker",
                () -> checks.run(householdId, YearMonth.of(2026, 7), CareSetting.HOME));
        assertThat(r.programmes().get(1).programme()).isEqualTo(Programme.DIBAO);
        assertThat(r.hasCodes()).isTrue();
        return r;
    }
}
