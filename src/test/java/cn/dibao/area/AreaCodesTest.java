package cn.dibao.area;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.dibao.area.AreaLevel.COUNTY;
import static cn.dibao.area.AreaLevel.TOWNSHIP;
import static cn.dibao.area.AreaLevel.VILLAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the 12-digit statistical area code, without Spring. */
class AreaCodesTest {

    private static final String COUNTY_CODE = "370211000000";
    private static final String TOWNSHIP_CODE = "370211001000";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"37021100100", "3702110010001", "37021100100A", "37021100100x", " 370211001001",
            "370211-01001", "３７０２１１００１００１", "370211001 01"})
    void codeMustBeTwelveAsciiDigits(String code) {
        for (AreaLevel level : AreaLevel.values()) {
            assertThat(AreaCodes.problem(code, level, COUNTY_CODE)).as("%s as %s", code, level)
                    .contains("area.code.format");
        }
        assertThat(AreaCodes.problem(code, null, null)).contains("area.code.format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72",
            "80", "83", "90", "99"})
    void provinceMustBeAGbT2260Province(String province) {
        assertThat(AreaCodes.problem(province + "0211000000", COUNTY, null)).contains("area.code.province");
        assertThat(AreaCodes.problem(province + "0211301000", TOWNSHIP, province + "0211000000"))
                .contains("area.code.province");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
            "81", "82"})
    void everyProvinceIsAccepted(String province) {
        assertThat(AreaCodes.problem(province + "0101000000", COUNTY, null)).isEmpty();
    }

    @Test
    void levelIsRequiredOnceTheCodeIsWellFormed() {
        assertThat(AreaCodes.problem("370211301000", null, COUNTY_CODE)).contains("area.level.required");
        // format and province come first
        assertThat(AreaCodes.problem("99021130100", null, null)).contains("area.code.format");
        assertThat(AreaCodes.problem("990211301000", null, null)).contains("area.code.province");
    }

    @ParameterizedTest
    @CsvSource({
            "370211000000, ",
            "110101000000, ",
            "370200000000, area.code.county",   // a city, digits 5-6 = 00
            "370000000000, area.code.county",   // a province
            "370211001000, area.code.county",   // a township code
            "370211000001, area.code.county",   // a village digit set
            "370211100000, area.code.county"})
    void countyCodes(String code, String expected) {
        assertThat(AreaCodes.problem(code, COUNTY, null).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "370211001000, ",
            "370211099000, ",
            "370211100000, ",
            "370211399000, ",
            "370211400000, ",
            "370211599000, ",
            "370211000000, area.code.township",   // digits 7-9 = 000
            "370211600000, area.code.township",   // 600 and above are not township numbers
            "370211601000, area.code.township",
            "370211999000, area.code.township",
            "370211001001, area.code.township",   // digits 10-12 must be 000
            "370211001999, area.code.township",
            "370212001000, area.code.notUnderParent",   // another county
            "110101001000, area.code.notUnderParent"})
    void townshipCodes(String code, String expected) {
        assertThat(AreaCodes.problem(code, TOWNSHIP, COUNTY_CODE).orElse(null)).isEqualTo(expected);
    }

    @Test
    void townshipNeedsAParent() {
        assertThat(AreaCodes.problem("370211301000", TOWNSHIP, null)).contains("area.code.notUnderParent");
    }

    @ParameterizedTest
    @CsvSource({
            "370211001001, ",
            "370211001199, ",
            "370211001201, ",
            "370211001999, ",
            "370211001000, area.code.village",        // digits 10-12 = 000
            "370211000001, area.code.village",        // digits 7-9 = 000
            "370211002001, area.code.notUnderParent", // a sibling township's village
            "370211101201, area.code.notUnderParent",
            "370212001001, area.code.notUnderParent"})  // same township digits, other county
    void villageCodes(String code, String expected) {
        assertThat(AreaCodes.problem(code, VILLAGE, TOWNSHIP_CODE).orElse(null)).isEqualTo(expected);
    }

    @Test
    void villageNeedsAParent() {
        assertThat(AreaCodes.problem("370211001001", VILLAGE, null)).contains("area.code.notUnderParent");
    }

    @Test
    void levelAndAncestorsFollowFromTheCode() {
        assertThat(AreaCodes.levelOf(COUNTY_CODE)).isEqualTo(COUNTY);
        assertThat(AreaCodes.levelOf(TOWNSHIP_CODE)).isEqualTo(TOWNSHIP);
        assertThat(AreaCodes.levelOf("370211001201")).isEqualTo(VILLAGE);
        assertThat(AreaCodes.countyOf("370211001201")).isEqualTo(COUNTY_CODE);
        assertThat(AreaCodes.townshipOf("370211001201")).isEqualTo(TOWNSHIP_CODE);
        assertThat(AreaCodes.townshipOf(TOWNSHIP_CODE)).isEqualTo(TOWNSHIP_CODE);
    }
}
