package cn.dibao.calendar;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.Login;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The calendar pages as the demo county administrator uses them. Edits happen in 2031, which
 * nothing else uses, and are removed afterwards; the seeded 2026 and 2027 are only read.
 */
@IntegrationTest
class CalendarAdminTest {

    private static final String NAME = "测试假日";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    MutableClock clock;

    MockHttpSession admin;

    @BeforeEach
    void logIn() throws Exception {
        admin = Login.demo(mvc, "admin");
    }

    @AfterEach
    void removeTestYear() {
        jdbc.update("delete from calendar_day where day between '2031-01-01' and '2031-12-31'");
        calendar.forgetAfterTransaction();
        clock.reset();
    }

    @Test
    void the2026PageListsTheHolidaysAndWorkdays() throws Exception {
        String page = mvc.perform(get("/admin/calendar/2026").session(admin))
                .andExpect(status().isOk())
                .andExpect(view().name("calendar/year"))
                .andReturn().getResponse().getContentAsString();
        assertThat(row(page, "2026-02-14")).contains(text("calendar.kind.WORKDAY")).contains("春节").contains("周六");
        assertThat(row(page, "2026-02-16")).contains(text("calendar.kind.HOLIDAY")).contains("春节");
        assertThat(row(page, "2026-09-20")).contains(text("calendar.kind.WORKDAY")).contains("国庆节");
        assertThat(row(page, "2026-10-07")).contains(text("calendar.kind.HOLIDAY")).contains("国庆节");
        assertThat(page.split("<tr id=\"day-")).hasSize(39 + 1);
        assertThat(page).contains(text("calendar.workingDays", 2026, 248))
                .doesNotContain("id=\"calendar-provisional\"").doesNotContain("id=\"calendar-missing\"")
                .doesNotContain(text("calendar.provisional.badge"));
    }

    @Test
    void the2027PageIsProvisionalAndOffersConfirmation() throws Exception {
        String page = mvc.perform(get("/admin/calendar/2027").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"calendar-provisional\"").contains(text("calendar.provisional.warning", 2027))
                .contains("id=\"calendar-confirm\"").contains("/admin/calendar/2027/confirm");
        assertThat(row(page, "2027-02-05")).contains("春节").contains(text("calendar.provisional.badge"));
    }

    @Test
    void aYearNobodyEnteredWarns() throws Exception {
        String page = mvc.perform(get("/admin/calendar/2033").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"calendar-missing\"").contains(text("calendar.missing", 2033))
                .contains(text("calendar.workingDays", 2033, 260)).contains(text("calendar.empty"));
    }

    @Test
    void theMenuEntryOpensThisYear() throws Exception {
        clock.set(Instant.parse("2027-03-01T02:00:00Z"));
        mvc.perform(get("/admin/calendar").session(admin))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/calendar/2027"));
    }

    @Test
    void theYearLinksStopAtTheSupportedYears() throws Exception {
        String first = mvc.perform(get("/admin/calendar/2000").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).doesNotContain("id=\"calendar-previous\"").contains("/admin/calendar/2001");
        String last = mvc.perform(get("/admin/calendar/2099").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(last).contains("/admin/calendar/2098").doesNotContain("id=\"calendar-next\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999", "2100", "abc"})
    void yearsOutsideTheCalendarAreNotFound(String year) throws Exception {
        mvc.perform(get("/admin/calendar/{year}", year).session(admin))
                .andExpect(status().isNotFound()).andExpect(view().name("error/404"));
    }

    static Stream<Arguments> invalidForms() {
        return Stream.of(
                // case, kind, date, until, name, field, error code, message (key or literal text)
                arguments("workday on a Monday", "WORKDAY", "2031-03-03", "", NAME, "date", "calendar.workday.weekday", "calendar.workday.weekday"),
                arguments("holiday on a Saturday", "HOLIDAY", "2031-03-01", "", NAME, "date", "calendar.holiday.weekend", "calendar.holiday.weekend"),
                arguments("holiday on a weekend only", "HOLIDAY", "2031-03-01", "2031-03-02", NAME, "date", "calendar.holiday.weekend", "calendar.holiday.weekend"),
                arguments("a seeded day again", "HOLIDAY", "2026-02-16", "", NAME, "date", "calendar.date.duplicate", "2026-02-16 已登记（春节）"),
                arguments("a span over a seeded day", "HOLIDAY", "2026-09-28", "2026-10-02", NAME, "date", "calendar.date.duplicate", "2026-10-01 已登记（国庆节）"),
                arguments("a seeded workday again", "WORKDAY", "2026-02-14", "", NAME, "date", "calendar.date.duplicate", "2026-02-14 已登记（春节）"),
                arguments("end before start", "HOLIDAY", "2031-03-05", "2031-03-03", NAME, "until", "calendar.until.beforeDate", "calendar.until.beforeDate"),
                arguments("a workday span", "WORKDAY", "2031-03-01", "2031-03-02", NAME, "until", "calendar.until.workday", "calendar.until.workday"),
                arguments("32 days", "HOLIDAY", "2031-03-03", "2031-04-03", NAME, "until", "calendar.until.tooLong", "calendar.until.tooLong"),
                arguments("before 2000", "HOLIDAY", "1999-03-03", "", NAME, "date", "calendar.year.range", "年份须在 2000 至 2099 之间"),
                arguments("no date", "HOLIDAY", "", "", NAME, "date", "NotNull", "calendar.date.required"),
                arguments("not a date", "HOLIDAY", "2031-02-30", "", NAME, "date", "typeMismatch", "typeMismatch.java.time.LocalDate"),
                arguments("an end that is not a date", "HOLIDAY", "2031-03-03", "3月5日", NAME, "until", "typeMismatch", "typeMismatch.java.time.LocalDate"),
                arguments("no kind", "", "2031-03-03", "", NAME, "kind", "NotNull", "calendar.kind.required"),
                arguments("an unknown kind", "FESTIVAL", "2031-03-03", "", NAME, "kind", "typeMismatch", "typeMismatch"),
                arguments("no name", "HOLIDAY", "2031-03-03", "", "", "name", "NotBlank", "calendar.name.required"),
                arguments("a blank name", "HOLIDAY", "2031-03-03", "", "   ", "name", "NotBlank", "calendar.name.required"),
                arguments("a name of 31 characters", "HOLIDAY", "2031-03-03", "", "节".repeat(31), "name", "Size", "calendar.name.tooLong"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidForms")
    void invalidDaysAreRefusedWithAFieldMessage(String name, String kind, String date, String until, String holiday,
                                                String field, String code, String message) throws Exception {
        int before = count("select count(*) from calendar_day");
        String page = mvc.perform(add(kind, date, until, holiday))
                .andExpect(status().isOk())
                .andExpect(view().name("calendar/year"))
                .andExpect(model().attributeHasFieldErrorCode("form", field, code))
                .andReturn().getResponse().getContentAsString();
        String expected = message.matches("[a-zA-Z.]+") ? text(message) : message;
        assertThat(page).contains("is-invalid").contains(expected).doesNotContain("Exception");
        assertThat(count("select count(*) from calendar_day")).as("nothing saved").isEqualTo(before);
        if (!holiday.isBlank() && holiday.length() <= 30) {
            assertThat(page).as("the name typed is kept").contains("value=\"" + holiday + "\"");
        }
        if (!date.isEmpty()) {
            assertThat(page).as("the date typed is kept").contains("value=\"" + date + "\"");
        }
    }

    @Test
    void aHolidaySpanIsAddedWholeCountsAtOnceAndIsAudited() throws Exception {
        // Fri 7 to Mon 10 March 2031, its weekend included
        LocalDate thursday = LocalDate.of(2031, 3, 6);
        assertThat(calendar.addWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2031, 3, 7));

        MvcResult done = mvc.perform(add("HOLIDAY", "2031-03-07", "2031-03-10", NAME))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/calendar/2031"))
                .andExpect(flash().attribute("message", "calendar.added"))
                .andReturn();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select day, kind, name, provisional, created_by from calendar_day where day between '2031-03-01' and '2031-03-31' order by day");
        assertThat(rows).extracting(r -> r.get("day").toString())
                .containsExactly("2031-03-07", "2031-03-08", "2031-03-09", "2031-03-10");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("kind")).isEqualTo("HOLIDAY");
            assertThat(r.get("name")).isEqualTo(NAME);
            assertThat(r.get("provisional")).isEqualTo(false);
            assertThat(r.get("created_by")).isEqualTo("admin");
        });
        assertThat(audit("CALENDAR_DAYS_ADDED", "2031-03-07..2031-03-10"))
                .containsEntry("actor", "admin").containsEntry("area_code", Fixtures.COUNTY)
                .containsEntry("detail", "HOLIDAY " + NAME + " 2031-03-07..2031-03-10");

        // deadlines see the change at once
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 3, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 3, 10))).isFalse();
        assertThat(calendar.addWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2031, 3, 11));
        assertThat(calendar.hasCalendar(2031)).isTrue();

        String page = follow(done);
        assertThat(page).contains(text("calendar.added", NAME)).doesNotContain("id=\"calendar-missing\"");
        assertThat(row(page, "2031-03-08")).contains(NAME).contains(text("calendar.kind.HOLIDAY"));
    }

    @Test
    void aWeekendWorkdayCounts() throws Exception {
        LocalDate friday = LocalDate.of(2031, 3, 14);
        assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2031, 3, 17));
        follow(mvc.perform(add("WORKDAY", "2031-03-15", "", "调休测试"))
                .andExpect(status().isFound()).andExpect(flash().attribute("message", "calendar.added")).andReturn());
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 3, 15))).isTrue();
        assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2031, 3, 15));
        assertThat(calendar.workingDaysBetween(friday, LocalDate.of(2031, 3, 17))).isEqualTo(2);
    }

    @Test
    void aDayIsRemovedOnceAndAudited() throws Exception {
        follow(mvc.perform(add("HOLIDAY", "2031-03-05", "", NAME)).andExpect(status().isFound()).andReturn());
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 3, 5))).isFalse();

        MvcResult removed = mvc.perform(remove("2031-03-05"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/calendar/2031"))
                .andExpect(flash().attribute("message", "calendar.removed"))
                .andReturn();
        assertThat(count("select count(*) from calendar_day where day = '2031-03-05'")).isZero();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 3, 5))).isTrue();
        assertThat(audit("CALENDAR_DAY_REMOVED", "2031-03-05")).containsEntry("actor", "admin")
                .containsEntry("detail", "HOLIDAY " + NAME);
        assertThat(follow(removed)).contains(text("calendar.removed", "2031-03-05 " + NAME));

        // a second click: nothing to remove, said plainly
        MvcResult again = mvc.perform(remove("2031-03-05"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("error", "calendar.remove.missing"))
                .andReturn();
        assertThat(follow(again)).contains(text("calendar.remove.missing"));
        mvc.perform(post("/admin/calendar/2031/remove").session(admin).with(csrf()).param("day", "5 March"))
                .andExpect(status().isNotFound());
    }

    @Test
    void confirmingAYearClearsProvisional() throws Exception {
        jdbc.update("""
                insert into calendar_day (day, kind, name, provisional)
                values ('2031-05-01', 'HOLIDAY', '劳动节', true), ('2031-05-02', 'HOLIDAY', '劳动节', true)
                """);
        calendar.forgetAfterTransaction();
        assertThat(calendar.isProvisional(2031)).isTrue();
        follow(mvc.perform(add("WORKDAY", "2031-05-10", "", "劳动节")).andExpect(status().isFound()).andReturn());
        assertThat(jdbc.queryForObject("select provisional from calendar_day where day = '2031-05-10'", Boolean.class))
                .as("a day the administrator enters is not provisional").isFalse();

        MvcResult done = mvc.perform(post("/admin/calendar/2031/confirm").session(admin).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/calendar/2031"))
                .andExpect(flash().attribute("message", "calendar.confirmed"))
                .andReturn();
        assertThat(count("select count(*) from calendar_day where provisional and day between '2031-01-01' and '2031-12-31'"))
                .isZero();
        assertThat(calendar.isProvisional(2031)).isFalse();
        assertThat(audit("CALENDAR_YEAR_CONFIRMED", "2031")).containsEntry("detail", "2 days");
        assertThat(follow(done)).contains(text("calendar.confirmed", 2031)).doesNotContain("id=\"calendar-provisional\"");

        mvc.perform(post("/admin/calendar/2031/confirm").session(admin).with(csrf()))
                .andExpect(flash().attribute("error", "calendar.confirm.nothing"));
        assertThat(calendar.isProvisional(2027)).as("other years untouched").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"caseworker", "reviewer", "auditor"})
    void onlyAdministratorsKeepTheCalendar(String username) throws Exception {
        MockHttpSession session = Login.demo(mvc, username);
        mvc.perform(get("/admin/calendar/2026").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/2031/days").session(session).with(csrf())
                        .param("kind", "HOLIDAY").param("date", "2031-03-03").param("name", NAME))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/2026/remove").session(session).with(csrf()).param("day", "2026-02-16"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/2027/confirm").session(session).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(count("select count(*) from calendar_day where day = '2026-02-16'")).isEqualTo(1);
        assertThat(count("select count(*) from calendar_day where day = '2031-03-03'")).isZero();
        assertThat(calendar.isProvisional(2027)).isTrue();
        mvc.perform(get("/admin/calendar/2026")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    private MockHttpServletRequestBuilder add(String kind, String date, String until, String name) {
        return post("/admin/calendar/2031/days").session(admin).with(csrf())
                .param("kind", kind).param("date", date).param("until", until).param("name", name);
    }

    private MockHttpServletRequestBuilder remove(String day) {
        return post("/admin/calendar/2031/remove").session(admin).with(csrf()).param("day", day);
    }

    /** Follows a redirect in the same session; the page shows the flash message meant for it. */
    private String follow(MvcResult redirect) throws Exception {
        return mvc.perform(get(redirect.getResponse().getRedirectedUrl()).session(admin))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private Map<String, Object> audit(String action, String entityId) {
        return jdbc.queryForMap("""
                select actor, area_code, detail from audit_event where action = ? and entity_id = ?
                order by id desc limit 1
                """, action, entityId);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    /** The table row of the day. */
    private static String row(String html, String day) {
        int start = html.indexOf("<tr id=\"day-" + day + "\"");
        assertThat(start).as("row of %s", day).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
