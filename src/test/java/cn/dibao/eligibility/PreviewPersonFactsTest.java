package cn.dibao.eligibility;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import static cn.dibao.support.JsonApi.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The preview ("can I qualify?") carries the person facts issue 14's rules read, so it answers as a check of
 * the same household would: employment and the owner of an asset for 单人保's alone mode (ADR 0018), the
 * relation for 特困 obligors (ADR 0025), and a child's status and chosen programme (ADR 0017).
 */
@IntegrationTest
class PreviewPersonFactsTest {

    static final YearMonth THIS_MONTH = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    static final String PASSWORD = "Preview-test-2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;

    TestCounty place;
    String caseworker;

    @BeforeEach
    void aCountyThatLetsAdultsApplyAlone() {
        place = new TestCounty(jdbc);
        caseworker = fixtures.user(place.county, PASSWORD, "CASEWORKER");
        jdbc.update("insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic, "
                + "single_alone) values (?, date '2026-01-01', 855.00, 1120.00, true)", place.county);
    }

    private JsonApi.Answer preview(String members, String assets) throws Exception {
        return new JsonApi(mvc, json).call(post("/api/v1/eligibility-checks/preview")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"areaCode": "%s", "hukouType": "URBAN", "month": "%s", "members": [%s],
                         "incomes": [{"memberRef": "f", "category": "WAGE", "monthlyAmount": "9000.00"}],
                         "assets": [%s]}""".formatted(place.village, THIS_MONTH, members, assets)),
                caseworker, PASSWORD);
    }

    private static final String FATHER = """
            {"ref": "f", "name": "父亲", "age": 58, "relation": "HEAD", "employment": "EMPLOYED"}""";

    private static String daughter(String employment) {
        return """
                {"ref": "d", "name": "女儿", "age": 32, "relation": "CHILD", "disabilityCategory": 4,
                 "disabilityGrade": 1, "labourAbility": "NONE", "employment": "%s"}""".formatted(employment);
    }

    @Test
    void anUnemployedDisabledDaughterIsCoveredAloneUntilHerOwnDepositsAreTooHigh() throws Exception {
        JsonNode alone = preview(FATHER + ", " + daughter("UNEMPLOYED"),
                "{\"type\": \"DEPOSIT\", \"value\": \"200000.00\"}").status(200).json();
        assertThat(alone.path("category").asString()).as("the family's deposits do not count").isEqualTo("DIBAO_SINGLE");
        assertThat(alone.path("monthlyTotal").decimalValue()).isEqualByComparingTo("428.00");
        assertThat(programme(alone, "DIBAO_SINGLE").path("persons").get(0).asString()).isEqualTo("女儿");

        JsonNode employed = preview(FATHER + ", " + daughter("EMPLOYED"), "").status(200).json();
        assertThat(employed.path("category").isNull()).isTrue();
        assertThat(programme(employed, "DIBAO_SINGLE").path("rules").valueStream()
                .filter(r -> r.path("code").asString().equals("SINGLE_NO_EMPLOYMENT"))
                .allMatch(r -> !r.path("passed").asBoolean())).isTrue();

        JsonNode own = preview(FATHER + ", " + daughter("UNEMPLOYED"),
                "{\"type\": \"DEPOSIT\", \"value\": \"40000.00\", \"memberRef\": \"d\"}").status(200).json();
        assertThat(own.path("category").isNull()).as("her own 40,000 > 855 × 12 × 3").isTrue();

        JsonNode unknown = preview(FATHER + ", " + daughter("UNEMPLOYED"),
                "{\"type\": \"DEPOSIT\", \"value\": \"1.00\", \"memberRef\": \"x\"}").problem(422).json();
        assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("assets[0].memberRef");
    }

    @Test
    void anOrphanWhoChoseTheChildBenefitIsNoTekunPersonAndAChoiceNeedsAStatus() throws Exception {
        String orphan = """
                {"ref": "c", "name": "孤儿", "age": 9, "relation": "HEAD", "childStatus": "ORPHAN",
                 "childProgramme": "%s"}""";
        JsonNode tekun = new JsonApi(mvc, json).call(post("/api/v1/eligibility-checks/preview")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"areaCode": "%s", "hukouType": "URBAN", "month": "%s", "members": [%s]}"""
                        .formatted(place.village, THIS_MONTH, orphan.formatted("TEKUN"))), caseworker, PASSWORD)
                .status(200).json();
        assertThat(tekun.path("category").asString()).isEqualTo("TEKUN");

        JsonNode child = new JsonApi(mvc, json).call(post("/api/v1/eligibility-checks/preview")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"areaCode": "%s", "hukouType": "URBAN", "month": "%s", "members": [%s]}"""
                        .formatted(place.village, THIS_MONTH, orphan.formatted("CHILD_BENEFIT"))), caseworker, PASSWORD)
                .status(200).json();
        assertThat(programme(child, "TEKUN").path("eligible").asBoolean()).isFalse();
        assertThat(programme(child, "TEKUN").path("rules").valueStream()
                .anyMatch(r -> r.path("code").asString().equals("TEKUN_CHILD_STATUS"))).isTrue();

        JsonNode refused = new JsonApi(mvc, json).call(post("/api/v1/eligibility-checks/preview")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"areaCode": "%s", "hukouType": "URBAN", "month": "%s", "members": [
                         {"ref": "c", "name": "儿童", "age": 9, "childProgramme": "TEKUN"}]}"""
                        .formatted(place.village, THIS_MONTH)), caseworker, PASSWORD).problem(422).json();
        assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("members[0].childProgramme");
    }
}
