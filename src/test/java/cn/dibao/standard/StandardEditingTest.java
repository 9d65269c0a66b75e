package cn.dibao.standard;

import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.validation.BindingResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static cn.dibao.standard.StandardPages.postForm;
import static cn.dibao.standard.StandardPages.validForm;
import static cn.dibao.standard.StandardPages.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Creating and editing versions as the demo county administrator, on townships of their own,
 * on 15 November 2026: validation, the locks on versions in force or used, and the audit trail.
 */
@IntegrationTest
class StandardEditingTest {

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
    UserDetailsService users;
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
    void aValidVersionIsSavedWithEveryValueAndAudited() throws Exception {
        Map<String, String> form = validForm();
        form.put("hukouType", "RURAL");
        form.put("topUps.topupMinorMode", "PERCENT");
        form.put("topUps.topupMinorValue", "12.5");
        form.put("property.maxVehicleValue", "50000");
        form.remove("dibao.deductMedical");  // unchecked: only the marker is sent

        mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/standards/" + township))
                .andExpect(flash().attribute("message", "standard.created"))
                .andExpect(flash().attribute("messageArg", "2027-03"));

        Map<String, Object> row = jdbc.queryForMap("select * from subsidy_standard where area_code = ?", township);
        assertThat(row).containsEntry("hukou_type", "RURAL").containsEntry("note", "测试文件")
                .containsEntry("topup_minor_mode", "PERCENT").containsEntry("deduct_medical", false)
                .containsEntry("deduct_education", true).containsEntry("deduct_rent", false)
                .containsEntry("created_by", "admin").containsEntry("max_floor_area_per_person", null);
        assertThat(row.get("effective_from").toString()).isEqualTo("2027-03-01");
        assertThat(row.get("dibao_standard").toString()).isEqualTo("870.00");
        assertThat(row.get("tekun_basic").toString()).isEqualTo("1131.00");
        assertThat(row.get("topup_minor_value").toString()).isEqualTo("12.50");
        assertThat(row.get("max_vehicle_value").toString()).isEqualTo("50000.00");
        assertThat(row.get("tekun_care_inst_self").toString()).isEqualTo("278.00");
        assertThat(jdbc.queryForObject("""
                select total_extended_wd from standard_procedure where standard_id = ? and programme = 'DIBAO'
                """, Integer.class, row.get("id"))).isEqualTo(45);

        Map<String, Object> audit = jdbc.queryForMap("""
                select * from audit_event where action = 'STANDARD_CREATED' and entity_id = ?
                """, row.get("id").toString());
        assertThat(audit).containsEntry("actor", "admin").containsEntry("entity_type", "subsidy_standard")
                .containsEntry("area_code", township);
        assertThat((String) audit.get("detail")).contains("2027-03").contains("农村").contains("低保标准 870.00");
    }

    /** A post without a whole section (a hand-made or truncated request) is a form error, not a server error. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"single., 低保边缘与单人保", "procedures., 办理时限与公示", "dibao., 低保",
            "propertyByProgramme., 家庭财产限制", "incomeExclusions., 不计入家庭收入的项目"})
    void aPostWithoutASectionIsRefusedAndNothingIsSaved(String section, String heading) throws Exception {
        Map<String, String> form = validForm();
        form.keySet().removeIf(k -> k.startsWith(section) || k.startsWith("_" + section));
        MvcResult result = mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form))
                .andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("未收到“" + heading + "”部分的设置，请在页面上重新填写后保存");
        assertThat(jdbc.queryForObject("select count(*) from subsidy_standard where area_code = ?", Long.class,
                township)).isZero();
    }

    @Test
    void theAgeSettingsAreSavedAndReadThroughTheApi() throws Exception {
        Map<String, String> form = validForm();
        form.put("topUps.topupElderlyAge", "55");
        form.put("topUps.topupMinorAge", "16");
        form.put("tekun.tekunSchoolAge", "22");

        mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/standards/" + township));

        Map<String, Object> row = jdbc.queryForMap("select * from subsidy_standard where area_code = ?", township);
        assertThat(row).containsEntry("topup_elderly_age", 55).containsEntry("topup_minor_age", 16)
                .containsEntry("tekun_school_age", 22);
        mvc.perform(get("/api/v1/standards/in-force").param("areaCode", township).param("hukouType", "URBAN")
                        .param("month", "2027-03")
                        .with(httpBasic("admin", cn.dibao.support.Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.topupElderlyAge").value(55))
                .andExpect(jsonPath("$.topupMinorAge").value(16))
                .andExpect(jsonPath("$.tekunSchoolAge").value(22));
        // the form of the saved version shows them again
        String html = mvc.perform(get("/admin/standards/versions/" + row.get("id") + "/edit").session(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(value(html, "topUps.topupElderlyAge")).isEqualTo("55");
        assertThat(value(html, "tekun.tekunSchoolAge")).isEqualTo("22");
    }

    @Test
    void badAgesAreRefusedTogetherByNameAndNothingIsSaved() throws Exception {
        Map<String, String> form = validForm();
        form.put("topUps.topupElderlyAge", "49");
        form.put("topUps.topupMinorAge", "19");
        form.put("tekun.tekunSchoolAge", "31");

        MvcResult result = mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form))
                .andExpect(status().isOk())
                .andExpect(view().name("standard/form"))
                .andExpect(model().attributeHasFieldErrorCode("form", "topUps.topupElderlyAge", "Min"))
                .andExpect(model().attributeHasFieldErrorCode("form", "topUps.topupMinorAge", "Max"))
                .andExpect(model().attributeHasFieldErrorCode("form", "tekun.tekunSchoolAge", "Max"))
                .andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("不能小于 50").contains("不能大于 18").contains("不能大于 30");
        assertThat(StandardPages.tag(html, "topUps.topupElderlyAge")).contains("is-invalid");
        assertThat(StandardPages.tag(html, "tekun.tekunSchoolAge")).contains("is-invalid");
        assertThat(jdbc.queryForObject("select count(*) from subsidy_standard where area_code = ?", Integer.class,
                township)).isZero();
    }

    @Test
    void theSameMonthIsAllowedOnceForEachHukouChoice() throws Exception {
        for (String hukou : new String[]{"", "URBAN", "RURAL"}) {
            Map<String, String> form = validForm();
            form.put("hukouType", hukou);
            mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form)).andExpect(status().isFound());
        }
        assertThat(data.versionsOf(township)).isEqualTo(3);

        Map<String, String> again = validForm();
        again.put("hukouType", "URBAN");
        mvc.perform(postForm("/admin/standards/" + township + "/new", admin, again))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "effectiveFrom", "standard.effectiveFrom.duplicate"));
        assertThat(data.versionsOf(township)).isEqualTo(3);
    }

    static Stream<Arguments> invalidForms() {
        return Stream.of(
                // case, field, value typed, the field with the error, error code
                arguments("month already taken", "effectiveFrom", "2027-02", "effectiveFrom", "standard.effectiveFrom.duplicate"),
                arguments("month 13", "effectiveFrom", "2026-13", "effectiveFrom", "typeMismatch"),
                arguments("month not a date", "effectiveFrom", "abc", "effectiveFrom", "typeMismatch"),
                arguments("month missing", "effectiveFrom", "", "effectiveFrom", "NotNull"),
                arguments("特困 below 1.3 × 低保", "tekun.tekunBasic", "1130.99", "tekun.tekunBasic", "standard.tekunBasic.min"),
                arguments("negative money", "dibao.minBenefit", "-1", "dibao.minBenefit", "DecimalMin"),
                arguments("negative care amount", "tekun.tekunCareHomeFull", "-0.01", "tekun.tekunCareHomeFull", "DecimalMin"),
                arguments("three decimals", "dibao.dibaoStandard", "870.123", "dibao.dibaoStandard", "Digits"),
                arguments("standard zero", "dibao.dibaoStandard", "0", "dibao.dibaoStandard", "DecimalMin"),
                arguments("amount not a number", "dibao.dibaoStandard", "八百", "dibao.dibaoStandard", "typeMismatch"),
                arguments("percentage over 100", "dibao.employmentCostPct", "100.5", "dibao.employmentCostPct", "DecimalMax"),
                arguments("share over 100", "edge.singleSharePct", "101", "edge.singleSharePct", "DecimalMax"),
                arguments("percentage top-up over 100", "topUps.topupElderlyMode", "PERCENT", "topUps.topupElderlyValue", "standard.topup.percent"),
                arguments("extended shorter than total", "procedures.dibao.totalExtendedWd", "29", "procedures.dibao.totalExtendedWd", "standard.totalExtendedWd.min"),
                arguments("特困 extended shorter than total", "procedures.tekun.totalExtendedWd", "29", "procedures.tekun.totalExtendedWd", "standard.totalExtendedWd.min"),
                arguments("township limit longer than the total", "procedures.tekun.townshipWd", "31", "procedures.tekun.townshipWd", "standard.townshipWd.max"),
                arguments("township limit out of range", "procedures.tempRelief.townshipWd", "0", "procedures.tempRelief.townshipWd", "Min"),
                arguments("publicity days out of range", "procedures.tempRelief.publicityDays", "31", "procedures.tempRelief.publicityDays", "Max"),
                arguments("publicity days missing", "procedures.edge.publicityDays", "", "procedures.edge.publicityDays", "NotNull"),
                arguments("sampling share over 100", "procedures.tekun.countySamplingPct", "100.5", "procedures.tekun.countySamplingPct", "DecimalMax"),
                arguments("unknown publicity unit", "procedures.rigid.publicityUnit", "WEEKS", "procedures.rigid.publicityUnit", "typeMismatch"),
                arguments("no grants a year", "tempRelief.tempReliefTimesPerYear", "0", "tempRelief.tempReliefTimesPerYear", "Min"),
                arguments("edge multiplier below 1", "edge.edgeMultiplier", "0.9", "edge.edgeMultiplier", "DecimalMin"),
                arguments("negative multiple", "property.moneyAssetsMultiple", "-1", "property.moneyAssetsMultiple", "DecimalMin"),
                arguments("months out of range", "dibao.incomeReferenceMonths", "25", "dibao.incomeReferenceMonths", "Max"),
                arguments("minor age out of range", "tekun.tekunMinorAge", "15", "tekun.tekunMinorAge", "Min"),
                arguments("elderly age below 50", "topUps.topupElderlyAge", "49", "topUps.topupElderlyAge", "Min"),
                arguments("elderly age above 80", "topUps.topupElderlyAge", "81", "topUps.topupElderlyAge", "Max"),
                arguments("top-up minor age above 18", "topUps.topupMinorAge", "19", "topUps.topupMinorAge", "Max"),
                arguments("top-up minor age below 14", "topUps.topupMinorAge", "13", "topUps.topupMinorAge", "Min"),
                arguments("school age above 30", "tekun.tekunSchoolAge", "31", "tekun.tekunSchoolAge", "Max"),
                arguments("school age missing", "tekun.tekunSchoolAge", "", "tekun.tekunSchoolAge", "NotNull"),
                arguments("elderly age not a number", "topUps.topupElderlyAge", "六十", "topUps.topupElderlyAge", "typeMismatch"),
                arguments("unknown rounding", "dibao.roundingRule", "ROUND_ROBIN", "dibao.roundingRule", "typeMismatch"),
                arguments("note too long", "note", "文".repeat(201), "note", "Size"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidForms")
    void invalidInputIsAFieldErrorAndNothingIsSaved(String description, String field, String typed,
                                                     String errorField, String errorCode) throws Exception {
        data.version(township, null, YearMonth.of(2027, 2), "870");
        int auditBefore = jdbc.queryForObject("select count(*) from audit_event where area_code = ?", Integer.class,
                township);
        Map<String, String> form = validForm();
        form.put(field, typed);
        if (field.equals("topUps.topupElderlyMode")) {
            form.put("topUps.topupElderlyValue", "120");
        }

        MvcResult result = mvc.perform(postForm("/admin/standards/" + township + "/new", admin, form))
                .andExpect(status().isOk())
                .andExpect(view().name("standard/form"))
                .andExpect(model().attributeHasFieldErrorCode("form", errorField, errorCode))
                .andReturn();
        BindingResult errors = (BindingResult) result.getModelAndView().getModel()
                .get(BindingResult.MODEL_KEY_PREFIX + "form");
        assertThat(errors.getFieldErrors()).as("only %s is wrong", errorField)
                .allSatisfy(e -> assertThat(e.getField()).isEqualTo(errorField));
        String html = result.getResponse().getContentAsString();
        String message = messages.getMessage(errors.getFieldError(errorField), Locale.SIMPLIFIED_CHINESE);
        assertThat(html).contains(message.replace("<", "&lt;")).doesNotContain("Exception");
        assertThat(StandardPages.tag(html, errorField)).contains("is-invalid");

        // What the user typed is still there, in the wrong field and in the others.
        if (!field.endsWith("Mode") && !field.equals("dibao.roundingRule") && !field.endsWith("publicityUnit")) {
            assertThat(value(html, field)).isEqualTo(typed);
        }
        assertThat(value(html, "tekun.tekunCareHomePartial")).isEqualTo("370");
        assertThat(value(html, "note")).isEqualTo(field.equals("note") ? typed : "测试文件");

        assertThat(data.versionsOf(township)).as("nothing saved").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where area_code = ?", Integer.class, township))
                .isEqualTo(auditBefore);
    }

    @Test
    void aFutureUnusedVersionCanBeEditedAndTheEditIsAudited() throws Exception {
        long id = data.version(township, null, YearMonth.of(2027, 1), "870");

        String page = mvc.perform(get("/admin/standards/versions/{id}/edit", id).session(admin))
                .andExpect(status().isOk()).andExpect(view().name("standard/form"))
                .andReturn().getResponse().getContentAsString();
        assertThat(value(page, "dibao.dibaoStandard")).isEqualTo("870.00");
        assertThat(value(page, "effectiveFrom")).isEqualTo("2027-01");
        assertThat(value(page, "version")).isEqualTo("0");

        Map<String, String> form = validForm();
        form.put("effectiveFrom", "2027-01");
        form.put("dibao.dibaoStandard", "880");
        form.put("tekun.tekunBasic", "1144");
        form.put("version", "0");
        mvc.perform(postForm("/admin/standards/versions/" + id + "/edit", admin, form))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/standards/" + township))
                .andExpect(flash().attribute("message", "standard.updated"));

        Map<String, Object> row = jdbc.queryForMap("select * from subsidy_standard where id = ?", id);
        assertThat(row.get("dibao_standard").toString()).isEqualTo("880.00");
        assertThat(row).containsEntry("version", 1L).containsEntry("updated_by", "admin")
                .containsEntry("area_code", township);
        String detail = jdbc.queryForObject("""
                select detail from audit_event where action = 'STANDARD_UPDATED' and entity_id = ?
                """, String.class, String.valueOf(id));
        assertThat(detail).contains("2027-01").contains("低保标准 880.00").contains("870.00");
    }

    @Test
    void aLostUpdateIsAConflict() throws Exception {
        long id = data.version(township, null, YearMonth.of(2027, 1), "870");
        Map<String, String> form = validForm();
        form.put("effectiveFrom", "2027-01");
        form.put("version", "0");
        mvc.perform(postForm("/admin/standards/versions/" + id + "/edit", admin, form)).andExpect(status().isFound());

        form.put("dibao.dibaoStandard", "990");
        form.put("tekun.tekunBasic", "1287");
        mvc.perform(postForm("/admin/standards/versions/" + id + "/edit", admin, form))
                .andExpect(status().isConflict())
                .andExpect(view().name("error/409"));
        assertThat(jdbc.queryForObject("select dibao_standard from subsidy_standard where id = ?", String.class, id))
                .isEqualTo("870.00");
    }

    @Test
    void versionsInForceOrInThePastAreLocked() throws Exception {
        long current = data.version(township, null, YearMonth.of(2026, 11), "870");
        long past = data.version(township, null, YearMonth.of(2026, 1), "850");

        for (long id : new long[]{current, past}) {
            assertLocked(id, jdbc.queryForObject("select to_char(effective_from, 'YYYY-MM') from subsidy_standard where id = ?",
                    String.class, id));
        }
    }

    @Test
    void aVersionUsedByAnEligibilityCheckIsLockedEvenInTheFuture() throws Exception {
        long id = data.version(township, null, YearMonth.of(2027, 4), "870");
        data.useVersion(id, data.villageOf(township), YearMonth.of(2027, 4));

        assertLocked(id, "2027-04");
        String timeline = mvc.perform(get("/admin/standards/" + township).session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row(timeline, id)).contains(text("standard.status.FUTURE")).contains(text("standard.badge.locked"))
                .contains(text("standard.badge.used")).doesNotContain("/edit");
    }

    @Test
    void aVersionLocksWhenItsMonthComes() throws Exception {
        long id = data.version(township, null, YearMonth.of(2026, 12), "870");
        String before = mvc.perform(get("/admin/standards/" + township).session(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(row(before, id)).contains(text("standard.status.FUTURE")).contains(text("standard.badge.editable"))
                .contains("/admin/standards/versions/" + id + "/edit");

        clock.set(Instant.parse("2026-11-30T16:00:00Z"));  // 1 December, 00:00 in China
        String after = mvc.perform(get("/admin/standards/" + township).session(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(row(after, id)).contains(text("standard.status.IN_FORCE")).contains(text("standard.badge.locked"))
                .doesNotContain("/edit");
        assertLocked(id, "2026-12");
    }

    @Test
    void anEditCannotMoveAVersionIntoThePresent() throws Exception {
        long id = data.version(township, null, YearMonth.of(2027, 1), "870");
        Map<String, String> form = validForm();
        form.put("effectiveFrom", "2026-11");
        form.put("version", "0");
        mvc.perform(postForm("/admin/standards/versions/" + id + "/edit", admin, form))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "effectiveFrom", "standard.effectiveFrom.mustStayFuture"));
        assertThat(jdbc.queryForObject("select to_char(effective_from, 'YYYY-MM') from subsidy_standard where id = ?",
                String.class, id)).isEqualTo("2027-01");
    }

    @Test
    void villagesAndRetiredAreasCannotHaveStandards() throws Exception {
        String village = data.villageOf(township);
        Map<String, String> valid = validForm();
        StandardForm villageForm = withAmounts(StandardForm.defaults(village, YearMonth.of(2027, 3)));
        assertThatThrownBy(() -> StandardPages.as(users, "admin", () -> standards.create(villageForm)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("areaCode");
                    assertThat(e.messageKey()).isEqualTo("standard.area.level");
                });
        mvc.perform(get("/admin/standards/" + village + "/new").session(admin)).andExpect(status().isNotFound());
        mvc.perform(postForm("/admin/standards/" + village + "/new", admin, valid)).andExpect(status().isNotFound());

        jdbc.update("update area set retired = true where code = ?", township);
        mvc.perform(postForm("/admin/standards/" + township + "/new", admin, valid))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "areaCode", "standard.area.retired"));
        assertThat(data.versionsOf(village) + data.versionsOf(township)).isZero();
    }

    @Test
    void areasOutsideTheScopeAreNotFound() throws Exception {
        String county = data.county();
        long foreign = data.version(county, null, YearMonth.of(2027, 5), "700");

        mvc.perform(get("/admin/standards/" + county).session(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/standards/" + county + "/new").session(admin)).andExpect(status().isNotFound());
        mvc.perform(postForm("/admin/standards/" + county + "/new", admin, validForm())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/standards/versions/" + foreign + "/edit").session(admin)).andExpect(status().isNotFound());
        Map<String, String> edit = validForm();
        edit.put("version", "0");
        mvc.perform(postForm("/admin/standards/versions/" + foreign + "/edit", admin, edit))
                .andExpect(status().isNotFound());
        StandardForm form = withAmounts(StandardForm.defaults(county, YearMonth.of(2027, 6)));
        assertThatThrownBy(() -> StandardPages.as(users, "admin", () -> standards.create(form)))
                .isInstanceOf(NotFoundException.class);
        assertThat(data.versionsOf(county)).isEqualTo(1);
    }

    @Test
    void theServiceChecksTheFormForOtherCallersToo() {
        StandardForm noMonth = withAmounts(StandardForm.defaults(township, null));
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThatThrownBy(() -> StandardPages.as(users, "admin", () -> standards.create(noMonth)))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.field()).isEqualTo("effectiveFrom");
                        assertThat(e.messageKey()).isEqualTo("standard.invalid");
                        assertThat(e.args()).containsExactly(text("standard.effectiveFrom.required"));
                    });
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(data.versionsOf(township)).isZero();
    }

    private void assertLocked(long id, String month) throws Exception {
        String timelineUrl = "/admin/standards/" + township;
        mvc.perform(get("/admin/standards/versions/{id}/edit", id).session(admin))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(timelineUrl))
                .andExpect(flash().attribute("error", "standard.locked"));
        Map<String, String> form = validForm();
        form.put("effectiveFrom", "2027-08");
        form.put("dibao.dibaoStandard", "999");
        form.put("tekun.tekunBasic", "1300");
        form.put("version", "0");
        mvc.perform(postForm("/admin/standards/versions/" + id + "/edit", admin, form))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(timelineUrl))
                .andExpect(flash().attribute("error", "standard.locked"));
        StandardForm unchanged = withAmounts(StandardForm.defaults(township, YearMonth.of(2027, 8)));
        assertThatThrownBy(() -> StandardPages.as(users, "admin", () -> standards.update(id, unchanged, 0)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isNull();
                    assertThat(e.messageKey()).isEqualTo("standard.locked");
                });
        Map<String, Object> row = jdbc.queryForMap("select * from subsidy_standard where id = ?", id);
        assertThat(row).containsEntry("version", 0L);
        assertThat(row.get("effective_from").toString()).startsWith(month);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'STANDARD_UPDATED' and entity_id = ?
                """, Integer.class, String.valueOf(id))).isZero();
    }

    /** The national defaults with 低保 870 and 特困 1131 filled in. */
    private static StandardForm withAmounts(StandardForm d) {
        DibaoRules r = d.dibao();
        TekunSupport t = d.tekun();
        return new StandardForm(d.areaCode(), d.hukouType(), d.effectiveFrom(), d.note(),
                new DibaoRules(new BigDecimal("870"), r.roundingRule(), r.minBenefit(), r.incomeReferenceMonths(),
                        r.employmentCostPct(), r.deductMedical(), r.deductEducation(), r.deductRehabilitation(),
                        r.deductRent()),
                d.topUps(), d.property(),
                new TekunSupport(new BigDecimal("1131"), t.tekunCareHomeSelf(), t.tekunCareHomePartial(),
                        t.tekunCareHomeFull(), t.tekunCareInstSelf(), t.tekunCareInstPartial(), t.tekunCareInstFull(),
                        t.tekunMinorAge(), t.tekunSchoolAge()),
                d.edge(), d.rigid(), d.tempRelief(), d.reviews(), d.procedure(), d.procedures(),
                d.single(), d.propertyByProgramme(), d.incomeExclusions());
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    private static String row(String html, long id) {
        int start = html.indexOf("id=\"version-" + id + "\"");
        assertThat(start).as("timeline row of version %s", id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
