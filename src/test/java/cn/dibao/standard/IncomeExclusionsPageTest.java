package cn.dibao.standard;

import cn.dibao.household.ExclusionReason;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import static cn.dibao.standard.StandardPages.postForm;
import static cn.dibao.standard.StandardPages.tag;
import static cn.dibao.standard.StandardPages.validForm;
import static cn.dibao.standard.StandardPages.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 收入计算期 and the income exclusions per programme with end dates (ADR 0020, 0021) on the admin form:
 * entered per category, stored in {@code standard_income_exclusion}, shown again and in /api/v1/standards;
 * errors all at once in zh-CN with nothing saved. As the demo county administrator on 15 November 2026.
 */
@IntegrationTest
class IncomeExclusionsPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    StandardService standards;
    @Autowired
    MessageSource messages;

    StandardTestData data;
    MockHttpSession admin;
    String township;

    @BeforeEach
    void setUp() throws Exception {
        clock.set(Instant.parse("2026-11-15T02:00:00Z"));
        data = new StandardTestData(jdbc);
        admin = StandardPages.login(mvc, "admin");
        township = data.township();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSettingsAreSavedShownAndAnswered() throws Exception {
        Map<String, String> form = validForm();
        form.put("dibao.incomeReferenceMonths", "12");
        form.put("incomeExclusions.basicPension.dibaoUntil", "2030-12-31");
        form.put("incomeExclusions.elderlyAllowance.dibao", "true");
        form.put("incomeExclusions.elderlyAllowance.dibaoUntil", "2027-06-30");
        form.remove("incomeExclusions.socialInsurance.tekun"); // unchecked: only the marker is sent
        mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form)).andExpect(status().isFound());

        long id = jdbc.queryForObject("select id from subsidy_standard where area_code = ?", Long.class, township);
        assertThat(jdbc.queryForObject("select income_reference_months from subsidy_standard where id = ?",
                Integer.class, id)).isEqualTo(12);
        Map<String, Object> allowance = jdbc.queryForMap("select * from standard_income_exclusion where "
                + "standard_id = ? and category = 'ELDERLY_ALLOWANCE'", id);
        assertThat(allowance).containsEntry("dibao", true).containsEntry("tekun", true)
                .containsEntry("dibao_until", Date.valueOf("2027-06-30"));
        StandardVersion v = standards.version(id);
        assertThat(v.incomeExclusions().of(ExclusionReason.BASIC_PENSION).dibaoUntil())
                .isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(v.incomeExclusions().of(ExclusionReason.SOCIAL_INSURANCE).tekun()).isFalse();

        String page = mvc.perform(get("/admin/standards/versions/{id}/edit", id).session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(value(page, "dibao.incomeReferenceMonths")).isEqualTo("12");
        assertThat(value(page, "incomeExclusions.basicPension.dibaoUntil")).isEqualTo("2030-12-31");
        assertThat(value(page, "incomeExclusions.basicPension.tekunUntil")).isEmpty();
        assertThat(tag(page, "incomeExclusions.elderlyAllowance.dibao")).contains("checked");
        assertThat(tag(page, "incomeExclusions.socialInsurance.tekun")).doesNotContain("checked");
        assertThat(page).contains(text("standard.section.incomeExclusions")).contains("高龄津贴")
                .contains(text("standard.incomeExclusions.tekunUntil"));

        mvc.perform(get("/api/v1/standards/in-force").param("areaCode", township).param("hukouType", "URBAN")
                        .param("month", "2027-03").with(httpBasic("admin", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.incomeReferenceMonths").value(12))
                .andExpect(jsonPath("$.incomeExclusions.basicPension.dibaoUntil").value("2030-12-31"))
                .andExpect(jsonPath("$.incomeExclusions.elderlyAllowance.dibao").value(true))
                .andExpect(jsonPath("$.incomeExclusions.socialInsurance.tekun").value(false));
    }

    /** A date that is none, and a period out of range: both named at once, in zh-CN, and nothing saved. */
    @Test
    void errorsComeAllAtOnceAndWhatWasTypedStays() throws Exception {
        Map<String, String> form = validForm();
        form.put("incomeExclusions.basicPension.dibaoUntil", "2025-13-45");
        form.put("dibao.incomeReferenceMonths", "25");
        MvcResult result = mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form))
                .andExpect(status().isOk()).andReturn();
        BindingResult errors = (BindingResult) result.getModelAndView().getModel()
                .get(BindingResult.MODEL_KEY_PREFIX + "form");
        assertThat(errors.getFieldErrors()).extracting(FieldError::getField).containsExactlyInAnyOrder(
                "incomeExclusions.basicPension.dibaoUntil", "dibao.incomeReferenceMonths");
        String html = result.getResponse().getContentAsString();
        for (FieldError e : errors.getFieldErrors()) {
            assertThat(html).contains(messages.getMessage(e, Locale.SIMPLIFIED_CHINESE));
            assertThat(tag(html, e.getField())).contains("is-invalid");
        }
        assertThat(value(html, "incomeExclusions.basicPension.dibaoUntil")).isEqualTo("2025-13-45");
        assertThat(data.versionsOf(township)).isZero();
    }

    /** An end date for a programme the category counts for would be ignored: it is refused instead. */
    @Test
    void anEndDateWithoutTheExclusionIsRefused() throws Exception {
        Map<String, String> form = validForm();
        form.put("incomeExclusions.elderlyAllowance.dibaoUntil", "2027-06-30"); // 低保 counts it: not excluded
        MvcResult result = mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form))
                .andExpect(status().isOk()).andReturn();
        BindingResult errors = (BindingResult) result.getModelAndView().getModel()
                .get(BindingResult.MODEL_KEY_PREFIX + "form");
        assertThat(errors.getFieldErrors()).extracting(FieldError::getField)
                .containsExactly("incomeExclusions.elderlyAllowance.dibaoUntil");
        assertThat(result.getResponse().getContentAsString()).contains(text("standard.exclusion.untilWithoutExclusion"));
        assertThat(data.versionsOf(township)).isZero();
    }

    /** The national sets of the code are those V32 gives a version inserted by SQL (domain-rules §4.3). */
    @Test
    void theNationalSetsOfTheCodeAreTheMigrations() {
        IncomeExclusions national = IncomeExclusions.defaults();
        var rows = jdbc.queryForList("select * from standard_income_exclusion_national()");
        assertThat(rows).hasSize(IncomeExclusions.CATEGORIES.size());
        for (Map<String, Object> r : rows) {
            IncomeExclusion x = national.of(ExclusionReason.valueOf((String) r.get("category")));
            assertThat(r.get("dibao")).as("%s", r.get("category")).isEqualTo(x.dibao());
            assertThat(r.get("tekun")).as("%s", r.get("category")).isEqualTo(x.tekun());
            assertThat(r.get("dibao_until")).isEqualTo(x.dibaoUntil() == null ? null : Date.valueOf(x.dibaoUntil()));
            assertThat(r.get("tekun_until")).isEqualTo(x.tekunUntil() == null ? null : Date.valueOf(x.tekunUntil()));
        }
        assertThat(national.of(ExclusionReason.ELDERLY_ALLOWANCE)).isEqualTo(new IncomeExclusion(false, null, true, null));
        assertThat(national.of(ExclusionReason.BASIC_PENSION))
                .isEqualTo(new IncomeExclusion(true, LocalDate.of(2025, 12, 31), true, null));
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
