package cn.dibao.standard;

import cn.dibao.engine.DayUnit;
import cn.dibao.engine.Programme;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
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
 * The time limits, 公示 and sampling share of each programme (ADR 0024) on the admin form: entered per
 * programme, stored in {@code standard_procedure}, shown again and in /api/v1/standards; errors of several
 * programmes' cells all at once, in zh-CN, with nothing saved. As the demo county administrator on
 * 15 November 2026, on townships of their own.
 */
@IntegrationTest
class ProgrammeProceduresPageTest {

    private static final Instant NOV_15_2026 = Instant.parse("2026-11-15T02:00:00Z");

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
        clock.set(NOV_15_2026);
        data = new StandardTestData(jdbc);
        admin = StandardPages.login(mvc, "admin");
        township = data.township();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachProgrammesSettingsAreSavedShownAndAnswered() throws Exception {
        Map<String, String> form = validForm();
        form.put("procedures.tekun.townshipWd", "12");
        form.put("procedures.tekun.countySamplingPct", "50");
        form.remove("procedures.tempRelief.publicityHeld"); // unchecked: only the marker is sent
        form.put("procedures.tempRelief.totalWd", "20");
        form.put("procedures.tempRelief.totalExtendedWd", "25");
        form.put("procedures.rigid.publicityUnit", "WORKING");
        form.put("procedures.edge.countyDecisionWd", "8");
        form.put("tempRelief.tempReliefTimesPerYear", "2");
        mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form)).andExpect(status().isFound());

        long id = jdbc.queryForObject("select id from subsidy_standard where area_code = ?", Long.class, township);
        assertThat(jdbc.queryForList("select programme from standard_procedure where standard_id = ? order by 1",
                String.class, id)).containsExactly("DIBAO", "DIBAO_EDGE", "RIGID_EXPENDITURE", "TEKUN", "TEMP_RELIEF");
        Map<String, Object> tekun = jdbc.queryForMap(
                "select * from standard_procedure where standard_id = ? and programme = 'TEKUN'", id);
        assertThat(tekun).containsEntry("township_wd", 12).containsEntry("county_decision_wd", 15);
        assertThat(tekun.get("county_sampling_pct").toString()).isEqualTo("50.00");

        StandardVersion v = standards.version(id);
        assertThat(v.procedureOf(Programme.TEMP_RELIEF).publicityHeld()).isFalse();
        assertThat(v.procedureOf(Programme.TEMP_RELIEF).totalWd()).isEqualTo(20);
        assertThat(v.procedureOf(Programme.DIBAO).publicityHeld()).isTrue();
        assertThat(v.procedureOf(Programme.DIBAO_SINGLE)).isEqualTo(v.procedureOf(Programme.DIBAO));
        assertThat(v.procedureOf(Programme.DIBAO).townshipWd()).isNull();
        assertThat(v.procedureOf(Programme.RIGID_EXPENDITURE).publicityUnit()).isEqualTo(DayUnit.WORKING);
        assertThat(v.procedureOf(Programme.DIBAO_EDGE).countyDecisionWd()).isEqualTo(8);
        assertThat(v.tempRelief().tempReliefTimesPerYear()).isEqualTo(2);

        String page = mvc.perform(get("/admin/standards/versions/{id}/edit", id).session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(value(page, "procedures.tekun.townshipWd")).isEqualTo("12");
        assertThat(value(page, "procedures.dibao.townshipWd")).isEmpty();
        assertThat(value(page, "procedures.tekun.countySamplingPct")).isEqualTo("50.00");
        assertThat(value(page, "procedures.tempRelief.totalExtendedWd")).isEqualTo("25");
        assertThat(value(page, "tempRelief.tempReliefTimesPerYear")).isEqualTo("2");
        assertThat(tag(page, "procedures.tempRelief.publicityHeld")).doesNotContain("checked");
        assertThat(tag(page, "procedures.dibao.publicityHeld")).contains("checked");
        assertThat(page).contains(text("standard.procedures.tekun")).contains(text("standard.townshipWd"))
                .contains(text("standard.publicityHeld"));

        mvc.perform(get("/api/v1/standards/in-force").param("areaCode", township).param("hukouType", "URBAN")
                        .param("month", "2027-03").with(httpBasic("admin", cn.dibao.support.Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.tempReliefTimesPerYear").value(2))
                .andExpect(jsonPath("$.procedures.tekun.townshipWd").value(12))
                .andExpect(jsonPath("$.procedures.tekun.countySamplingPct").value(50.0))
                .andExpect(jsonPath("$.procedures.tempRelief.publicityHeld").value(false))
                .andExpect(jsonPath("$.procedures.tempRelief.totalWd").value(20))
                .andExpect(jsonPath("$.procedures.rigid.publicityUnit").value("WORKING"))
                .andExpect(jsonPath("$.procedures.dibao.publicityHeld").value(true))
                .andExpect(jsonPath("$.procedures.dibao.totalWd").value(30));
    }

    /** A change of one programme's cell alone is a change of the version: saved, its version moves. */
    @Test
    void editingOneProgrammesCellChangesTheVersion() throws Exception {
        long id = data.version(township, null, YearMonth.of(2027, 1), "870");
        Map<String, String> form = validForm();
        form.put("effectiveFrom", "2027-01");
        form.put("tekun.tekunBasic", "1131");
        form.put("version", "0");
        mvc.perform(postForm("/admin/standards/versions/" + id + "/edit", admin, form)).andExpect(status().isFound());
        long after = jdbc.queryForObject("select version from subsidy_standard where id = ?", Long.class, id);

        form.put("procedures.tekun.countySamplingPct", "55.5");
        form.put("version", String.valueOf(after));
        mvc.perform(postForm("/admin/standards/versions/" + id + "/edit", admin, form)).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select version from subsidy_standard where id = ?", Long.class, id))
                .isEqualTo(after + 1);
        assertThat(standards.version(id).procedureOf(Programme.TEKUN).countySamplingPct())
                .isEqualByComparingTo("55.5");
        assertThat(standards.version(id).procedureOf(Programme.DIBAO).countySamplingPct())
                .isEqualByComparingTo("30");

        // the old version number is a lost update
        form.put("procedures.tekun.countySamplingPct", "60");
        mvc.perform(postForm("/admin/standards/versions/" + id + "/edit", admin, form))
                .andExpect(status().isConflict());
        assertThat(standards.version(id).procedureOf(Programme.TEKUN).countySamplingPct())
                .isEqualByComparingTo("55.5");
    }

    /** Wrong cells of several programmes: every one named at once, in zh-CN, and nothing saved. */
    @Test
    void errorsOfSeveralProgrammesComeAllAtOnce() throws Exception {
        Map<String, String> form = validForm();
        form.put("procedures.tekun.publicityDays", "0");
        form.put("procedures.tempRelief.countySamplingPct", "101");
        form.put("procedures.edge.investigationStartWd", "");
        form.put("procedures.rigid.townshipWd", "三");
        form.put("tempRelief.tempReliefTimesPerYear", "13");
        MvcResult result = mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form))
                .andExpect(status().isOk()).andReturn();
        BindingResult errors = (BindingResult) result.getModelAndView().getModel()
                .get(BindingResult.MODEL_KEY_PREFIX + "form");
        assertThat(errors.getFieldErrors()).extracting(FieldError::getField).containsExactlyInAnyOrder(
                "procedures.tekun.publicityDays", "procedures.tempRelief.countySamplingPct",
                "procedures.edge.investigationStartWd", "procedures.rigid.townshipWd",
                "tempRelief.tempReliefTimesPerYear");
        String html = result.getResponse().getContentAsString();
        for (FieldError e : errors.getFieldErrors()) {
            assertThat(html).contains(messages.getMessage(e, Locale.SIMPLIFIED_CHINESE));
            assertThat(tag(html, e.getField())).contains("is-invalid");
        }
        assertThat(html).contains("不能小于 1").contains("百分比应在 0–100 之间").contains("请填写");
        // what was typed stays, in the wrong cells and the others
        assertThat(value(html, "procedures.rigid.townshipWd")).isEqualTo("三");
        assertThat(value(html, "procedures.tekun.townshipWd")).isEqualTo("15");
        assertThat(value(html, "procedures.tempRelief.countySamplingPct")).isEqualTo("101");
        assertThat(data.versionsOf(township)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from standard_procedure p join subsidy_standard s "
                + "on s.id = p.standard_id where s.area_code = ?", Integer.class, township)).isZero();
    }

    /** The national defaults of an area without a version: 特困 and 临时救助 have their own. */
    @Test
    void theDefaultsDifferByProgramme() {
        ProgrammeProcedures d = StandardForm.defaults(township, YearMonth.of(2027, 1)).procedures();
        assertThat(d.of(Programme.TEKUN).townshipWd()).isEqualTo(15);
        assertThat(d.of(Programme.TEKUN).countyDecisionWd()).isEqualTo(15);
        assertThat(d.of(Programme.DIBAO).townshipWd()).isNull();
        assertThat(d.of(Programme.DIBAO).countyDecisionWd()).isEqualTo(10);
        assertThat(d.of(Programme.TEMP_RELIEF).publicityDays()).isEqualTo(5);
        assertThat(d.of(Programme.TEMP_RELIEF).publicityUnit()).isEqualTo(DayUnit.WORKING);
        assertThat(d.of(Programme.TEMP_RELIEF).totalWd()).isEqualTo(15);
        assertThat(d.of(Programme.DIBAO_EDGE)).isEqualTo(d.of(Programme.DIBAO));
        assertThat(d.of(Programme.RIGID_EXPENDITURE)).isEqualTo(d.of(Programme.DIBAO));
        assertThat(d.of(Programme.DIBAO).countySamplingPct()).isEqualByComparingTo(new BigDecimal("30"));
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
