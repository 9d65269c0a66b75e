package cn.dibao.standard;

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

import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;

import static cn.dibao.standard.StandardPages.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The standards pages on 15 November 2026: who may see them and what they show. */
@IntegrationTest
class StandardPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    MessageSource messages;
    @Autowired
    Fixtures fixtures;

    StandardTestData data;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-15T02:00:00Z"));
        data = new StandardTestData(jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theListShowsEachCountyAndTownshipWithItsStandardThisMonth() throws Exception {
        MockHttpSession admin = StandardPages.login(mvc, "admin");
        String own = data.township();
        data.version(own, "URBAN", YearMonth.of(2026, 10), "870");

        String html = mvc.perform(get("/admin/standards").session(admin))
                .andExpect(status().isOk()).andExpect(view().name("standard/list"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"menu-standards\"").contains(text("standard.list.title"));
        assertThat(row(html, Fixtures.COUNTY)).contains(text("standard.hukou.BOTH")).contains("855.00")
                .contains("2026-01").doesNotContain(text("standard.inherited"))
                .contains("href=\"/admin/standards/" + Fixtures.COUNTY + "\"");
        assertThat(row(html, Fixtures.TOWNSHIP_A)).contains("855.00").contains(text("standard.inherited"));
        assertThat(row(html, own)).as("urban: its own version; rural: the county's").contains("870.00")
                .contains("855.00").contains(text("standard.inherited"));
        assertThat(html).doesNotContain("id=\"standards-" + Fixtures.VILLAGE_A + "\"");
    }

    @Test
    void theTimelineShowsEveryVersionWithItsStatus() throws Exception {
        MockHttpSession admin = StandardPages.login(mvc, "admin");
        String html = mvc.perform(get("/admin/standards/" + Fixtures.COUNTY).session(admin))
                .andExpect(status().isOk()).andExpect(view().name("standard/timeline"))
                .andReturn().getResponse().getContentAsString();

        long v2026 = id(Fixtures.COUNTY, "2026-01-01");
        long v2027 = id(Fixtures.COUNTY, "2027-01-01");
        assertThat(html.indexOf("id=\"version-" + v2027 + "\"")).as("newest first")
                .isLessThan(html.indexOf("id=\"version-" + v2026 + "\""));
        assertThat(versionRow(html, v2026)).contains("2026-01").contains("855.00").contains("1120.00")
                .contains("1480.00 / 370.00 / 185.00").contains("2220.00 / 555.00 / 278.00").contains("1.50")
                .contains(text("standard.status.IN_FORCE")).contains(text("standard.badge.locked"))
                .contains(text("standard.supersedeOnly"));
        assertThat(versionRow(html, v2027)).contains("900.00").contains("1170.00")
                .contains(text("standard.status.FUTURE")).contains(text("standard.badge.editable"))
                .contains("/admin/standards/versions/" + v2027 + "/edit");
        assertThat(html).contains("href=\"/admin/standards/" + Fixtures.COUNTY + "/new\"");

        clock.set(Instant.parse("2027-02-01T02:00:00Z"));
        String later = mvc.perform(get("/admin/standards/" + Fixtures.COUNTY).session(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(versionRow(later, v2026)).contains(text("standard.status.SUPERSEDED"));
        assertThat(versionRow(later, v2027)).contains(text("standard.status.IN_FORCE"))
                .contains(text("standard.badge.locked"));
    }

    @Test
    void aNewVersionStartsFromTheLatestOneNextMonth() throws Exception {
        MockHttpSession admin = StandardPages.login(mvc, "admin");
        String html = mvc.perform(get("/admin/standards/" + Fixtures.COUNTY + "/new").session(admin))
                .andExpect(status().isOk()).andExpect(view().name("standard/form"))
                .andReturn().getResponse().getContentAsString();
        assertThat(value(html, "effectiveFrom")).isEqualTo("2026-12");
        assertThat(value(html, "dibao.dibaoStandard")).isEqualTo("900.00");
        assertThat(value(html, "tekun.tekunCareInstFull")).isEqualTo("2220.00");
        assertThat(value(html, "note")).isEmpty();
        for (String legend : new String[]{"dibao", "topup", "property", "tekun", "edge", "rigid", "tempRelief",
                "dynamic", "procedure"}) {
            assertThat(html).contains("<legend class=\"h6\">" + text("standard.section." + legend) + "</legend>");
        }
        assertThat(html).contains(text("standard.unit.yuanPerMonth")).contains(text("standard.unit.wd"));

        String township = data.township();
        String fromCounty = mvc.perform(get("/admin/standards/" + township + "/new").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(value(fromCounty, "dibao.dibaoStandard")).as("a township starts from its county").isEqualTo("900.00");
        assertThat(value(fromCounty, "areaCode")).isEqualTo(township);
    }

    @Test
    void anAreaWithoutAnyVersionStartsFromTheNationalDefaults() throws Exception {
        String county = data.county();
        String username = fixtures.user(county, Fixtures.DEMO_PASSWORD, "ADMIN");
        MockHttpSession countyAdmin = StandardPages.login(mvc, username);

        String html = mvc.perform(get("/admin/standards/" + county + "/new").session(countyAdmin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(value(html, "dibao.dibaoStandard")).isEmpty();
        assertThat(value(html, "tekun.tekunBasic")).isEmpty();
        assertThat(value(html, "dibao.incomeReferenceMonths")).isEqualTo("6");
        assertThat(value(html, "edge.edgeMultiplier")).isEqualTo("1.5");
        assertThat(value(html, "procedures.dibao.totalExtendedWd")).isEqualTo("45");
        assertThat(value(html, "procedures.dibao.townshipWd")).isEmpty();
        assertThat(value(html, "procedures.tekun.townshipWd")).isEqualTo("15");
        assertThat(value(html, "procedures.tekun.countyDecisionWd")).isEqualTo("15");
        assertThat(value(html, "procedures.tempRelief.publicityDays")).isEqualTo("5");
        assertThat(value(html, "procedures.tempRelief.totalWd")).isEqualTo("15");
        assertThat(value(html, "tempRelief.tempReliefTimesPerYear")).isEqualTo("1");

        String list = mvc.perform(get("/admin/standards").session(countyAdmin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row(list, county)).contains(text("standard.none"));
        assertThat(list).doesNotContain("id=\"standards-" + Fixtures.COUNTY + "\"");
    }

    @Test
    void onlyAdministratorsMayOpenThePages() throws Exception {
        for (String username : new String[]{"caseworker", "reviewer", "auditor"}) {
            MockHttpSession session = StandardPages.login(mvc, username);
            for (String url : new String[]{"/admin/standards", "/admin/standards/" + Fixtures.COUNTY,
                    "/admin/standards/" + Fixtures.COUNTY + "/new"}) {
                mvc.perform(get(url).session(session)).andExpect(status().isForbidden());
            }
            String home = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
            assertThat(home).as("menu of %s", username).doesNotContain("menu-standards");
        }
        mvc.perform(get("/admin/standards")).andExpect(status().isFound());
    }

    @Test
    void theEnglishPagesRender() throws Exception {
        MockHttpSession admin = StandardPages.login(mvc, "admin");
        String[][] pages = {{"/admin/standards", "standard.list.title"},
                {"/admin/standards/" + Fixtures.COUNTY, "standard.status.IN_FORCE"},
                {"/admin/standards/" + Fixtures.COUNTY + "/new", "standard.section.tempRelief"}};
        for (String[] page : pages) {
            String html = mvc.perform(get(page[0]).param("lang", "en").session(admin)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains(messages.getMessage(page[1], null, Locale.ENGLISH))
                    .doesNotContain(text(page[1]));
        }
    }

    private long id(String area, String month) {
        return jdbc.queryForObject("""
                select id from subsidy_standard where area_code = ? and hukou_type is null and effective_from = ?::date
                """, Long.class, area, month);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    private static String row(String html, String areaCode) {
        int start = html.indexOf("id=\"standards-" + areaCode + "\"");
        assertThat(start).as("list row of %s", areaCode).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String versionRow(String html, long id) {
        int start = html.indexOf("id=\"version-" + id + "\"");
        assertThat(start).as("timeline row of version %s", id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
