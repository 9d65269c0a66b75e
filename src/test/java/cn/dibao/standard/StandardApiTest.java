package cn.dibao.standard;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/v1/standards/in-force for any staff member, within their scope. */
@IntegrationTest
class StandardApiTest {

    private static final String URL = "/api/v1/standards/in-force";

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;
    @Autowired
    StandardService standards;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theVersionInForceForTheDemoCounty() throws Exception {
        mvc.perform(get(URL).param("areaCode", Fixtures.COUNTY).param("hukouType", "URBAN").param("month", "2026-07")
                        .with(httpBasic("reviewer", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.areaCode").value(Fixtures.COUNTY))
                .andExpect(jsonPath("$.hukouType").doesNotExist())
                .andExpect(jsonPath("$.effectiveFrom").value("2026-01"))
                .andExpect(jsonPath("$.dibaoStandard").value(855.0))
                .andExpect(jsonPath("$.tekunBasic").value(1120.0))
                .andExpect(jsonPath("$.tekunCareHomeFull").value(1480.0))
                .andExpect(jsonPath("$.roundingRule").value("UP_YUAN"))
                .andExpect(jsonPath("$.topupStacking").value("ONCE"))
                .andExpect(jsonPath("$.edgeMultiplier").value(1.5))
                .andExpect(jsonPath("$.singleRequiresEdge").value(true))
                .andExpect(jsonPath("$.tempReliefTimesPerYear").value(1))
                .andExpect(jsonPath("$.decisionDelegated").value(false))
                .andExpect(jsonPath("$.procedures.dibao.totalExtendedWd").value(45))
                .andExpect(jsonPath("$.procedures.dibao.publicityUnit").value("CALENDAR"))
                .andExpect(jsonPath("$.procedures.dibao.townshipWd").doesNotExist())
                .andExpect(jsonPath("$.procedures.tekun.townshipWd").isNumber())
                .andExpect(jsonPath("$.procedures.tempRelief.publicityHeld").isBoolean())
                .andExpect(jsonPath("$.procedures.edge.countySamplingPct").isNumber())
                .andExpect(jsonPath("$.procedures.rigid.totalWd").isNumber());

        mvc.perform(get(URL).param("areaCode", Fixtures.VILLAGE_A).param("hukouType", "RURAL").param("month", "2027-03")
                        .with(httpBasic("caseworker", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.effectiveFrom").value("2027-01"))
                .andExpect(jsonPath("$.dibaoStandard").value(900.0))
                .andExpect(jsonPath("$.note").value("2027 年提标（示例）"));
    }

    /**
     * The sections of a version are Java records only: in JSON a version is one flat object, as it always was,
     * but for the time limits, 公示 and sampling share of each programme, one object each under {@code procedures}.
     */
    @Test
    void theAnswerIsFlatAndReadsBackIntoTheSameVersion() throws Exception {
        String body = mvc.perform(get(URL).param("areaCode", Fixtures.COUNTY).param("hukouType", "URBAN")
                        .param("month", "2026-07").with(httpBasic("reviewer", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode tree = json.readTree(body);
        List<String> fields = new ArrayList<>(tree.propertyNames());
        assertThat(fields).hasSize(67).startsWith("id", "areaCode", "hukouType", "effectiveFrom", "note",
                "dibaoStandard").endsWith("urgentPaperworkWd", "procedures", "singleAlone", "singleAdultAge",
                        "singleIllness", "singleDisabilityGrade", "singleMentalGrade", "propertyByProgramme",
                        "incomeExclusions", "version")
                .contains("maxOtherAssets", "recentHomeYears", "maxNonResidential")
                .contains("tempReliefTownshipMultiple", "tempReliefTimesPerYear", "tekunCareInstFull",
                        "dibaoReviewMonths", "maxVehicleValue", "decisionDelegated", "topupElderlyAge",
                        "topupMinorAge", "tekunSchoolAge")
                .doesNotContain("dibao", "topUps", "property", "tekun", "edge", "rigid", "tempRelief", "reviews",
                        "procedure", "publicityDays", "totalWd");
        assertThat(fields.stream().filter(f -> tree.get(f).isObject())).containsExactly("procedures",
                "propertyByProgramme", "incomeExclusions");
        assertThat(new ArrayList<>(tree.get("incomeExclusions").propertyNames())).containsExactly("preferentialPension",
                "familyPlanningReward", "scholarship", "heroicAward", "assistanceBenefit", "basicPension",
                "elderlyAllowance", "socialInsurance", "localRule");
        assertThat(tree.at("/incomeExclusions/basicPension/dibaoUntil").asString()).isEqualTo("2025-12-31");
        assertThat(tree.at("/incomeExclusions/elderlyAllowance/dibao").asBoolean()).isFalse();
        assertThat(tree.at("/incomeExclusions/elderlyAllowance/tekun").asBoolean()).isTrue();
        JsonNode procedures = tree.get("procedures");
        assertThat(new ArrayList<>(procedures.propertyNames()))
                .containsExactly("dibao", "tekun", "edge", "rigid", "tempRelief");
        assertThat(new ArrayList<>(procedures.get("tekun").propertyNames())).containsExactly("publicityHeld",
                "publicityDays", "publicityUnit", "publicityCounted", "investigationStartWd", "townshipWd",
                "reReviewWd", "countyDecisionWd", "refusalNoticeWd", "totalWd", "totalExtendedWd", "countySamplingPct");

        StandardVersion read = json.readValue(body, StandardVersion.class);
        assertThat(read).isEqualTo(standards.version(read.id()));

        String doc = mvc.perform(get("/v3/api-docs").with(user("reviewer").roles("REVIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode schema = json.readTree(doc).path("components").path("schemas").path("StandardVersion").path("properties");
        assertThat(new ArrayList<>(schema.propertyNames())).isEqualTo(fields);
    }

    @Test
    void withoutAMonthItIsThisMonth() throws Exception {
        clock.set(Instant.parse("2027-01-10T02:00:00Z"));
        mvc.perform(get(URL).param("areaCode", Fixtures.VILLAGE_B).param("hukouType", "URBAN")
                        .with(httpBasic("caseworker2", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dibaoStandard").value(900.0));
    }

    @Test
    void outsideTheScopeOrBeforeAnyVersionIsNotFound() throws Exception {
        // caseworker works in 隐珠街道 (TOWNSHIP_A): 张家楼镇's village and the county are outside the scope
        for (String area : new String[]{Fixtures.VILLAGE_B, Fixtures.COUNTY, "370211999999"}) {
            mvc.perform(get(URL).param("areaCode", area).param("hukouType", "URBAN").param("month", "2026-07")
                            .with(httpBasic("caseworker", Fixtures.DEMO_PASSWORD)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:dibao:problem:not-found"))
                    .andExpect(jsonPath("$.status").value(404));
        }
        mvc.perform(get(URL).param("areaCode", Fixtures.VILLAGE_A).param("hukouType", "URBAN").param("month", "2025-12")
                        .with(httpBasic("caseworker", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:dibao:problem:not-found"));
    }

    @Test
    void badParametersAreProblemsToo() throws Exception {
        mvc.perform(get(URL).param("areaCode", Fixtures.VILLAGE_A).param("hukouType", "URBAN").param("month", "2026-13")
                        .with(httpBasic("caseworker", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        mvc.perform(get(URL).param("areaCode", Fixtures.VILLAGE_A).param("month", "2026-07")
                        .with(httpBasic("caseworker", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(URL).param("areaCode", Fixtures.VILLAGE_A).param("hukouType", "URBAN"))
                .andExpect(status().isUnauthorized());
    }
}
