package cn.dibao.calendar;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/v1/calendar/{year} and /working-days for any staff member; failures are problem documents. */
@IntegrationTest
class CalendarApiTest {

    private static final RequestPostProcessor CASEWORKER = httpBasic("caseworker", Fixtures.DEMO_PASSWORD);

    @Autowired
    MockMvc mvc;

    @Test
    void a2026YearWithItsExceptions() throws Exception {
        mvc.perform(get("/api/v1/calendar/2026").with(CASEWORKER))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.hasCalendar").value(true))
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.workingDays").value(248))
                .andExpect(jsonPath("$.days", hasSize(39)))
                .andExpect(jsonPath("$.days[0].date").value("2026-01-01"))
                .andExpect(jsonPath("$.days[0].kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.days[0].name").value("元旦"))
                .andExpect(jsonPath("$.days[3].date").value("2026-01-04"))
                .andExpect(jsonPath("$.days[3].kind").value("WORKDAY"))
                .andExpect(jsonPath("$.days[?(@.date == '2026-10-10')].kind").value("WORKDAY"))
                .andExpect(jsonPath("$.days[?(@.date == '2026-02-14')].name").value("春节"));
    }

    @Test
    void provisionalAndMissingYears() throws Exception {
        mvc.perform(get("/api/v1/calendar/2027").with(httpBasic("reviewer", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(true))
                .andExpect(jsonPath("$.days[0].provisional").value(true))
                .andExpect(jsonPath("$.workingDays").value(248));
        mvc.perform(get("/api/v1/calendar/2033").with(httpBasic("auditor", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hasCalendar").value(false))
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.days", hasSize(0)))
                .andExpect(jsonPath("$.workingDays").value(260));
    }

    @ParameterizedTest(name = "from {0} + {1} working days = {2}")
    @CsvSource(textBlock = """
            2026-02-12, 3,  2026-02-24, false
            2026-09-10, 30, 2026-10-28, false
            2026-09-18, 11, 2026-10-10, false
            2026-02-12, 0,  2026-02-12, false
            2026-12-20, 30, 2027-02-01, true
            2033-01-07, 1,  2033-01-10, true
            """)
    void dueDates(String from, int days, String due, boolean provisional) throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days").param("from", from).param("days", String.valueOf(days))
                        .with(CASEWORKER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(from))
                .andExpect(jsonPath("$.days").value(days))
                .andExpect(jsonPath("$.due").value(due))
                .andExpect(jsonPath("$.provisional").value(provisional));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999", "2100", "0", "-5"})
    void aYearOutsideTheCalendarIsARuleViolation(String year) throws Exception {
        mvc.perform(get("/api/v1/calendar/{year}", year).with(CASEWORKER))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dibao:problem:rule-violated"))
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].message").value("年份须在 2000 至 2099 之间"));
    }

    @Test
    void aYearThatIsNotANumberIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/calendar/{year}", "twenty").with(CASEWORKER))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dibao:problem:invalid-parameter"))
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @ParameterizedTest(name = "from={0} days={1}: {2} on {3}")
    @CsvSource(textBlock = """
            2026-02-30, 3,    400, from
            12/02/2026, 3,    400, from
            2026-02-12, x,    400, days
            2026-02-12, -1,   422, days
            2026-02-12, 1001, 422, days
            1999-12-01, 3,    422, from
            """)
    void badDueDateQuestionsAreProblems(String from, String days, int status, String field) throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days").param("from", from).param("days", days).with(CASEWORKER))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void aDueDateBeyondTheCalendarIsARuleViolation() throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2099-12-01").param("days", "30").with(CASEWORKER))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("年份须在 2000 至 2099 之间"));
    }

    @Test
    void missingParametersAndStrangersAreRefused() throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days").param("days", "3").with(CASEWORKER))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/calendar/2026"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
