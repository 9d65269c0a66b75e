package cn.dibao.standard;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

import static cn.dibao.household.HukouType.RURAL;
import static cn.dibao.household.HukouType.URBAN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which version applies to a household's village in a month ({@link StandardService#inForce}),
 * on a county of its own so that no other version interferes. No user is logged in: the
 * resolution is not scoped, batch work uses it.
 */
@IntegrationTest
class StandardResolutionTest {

    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth MAR = YearMonth.of(2026, 3);
    private static final YearMonth JUN = YearMonth.of(2026, 6);
    private static final YearMonth JUL = YearMonth.of(2026, 7);

    @Autowired
    StandardService standards;
    @Autowired
    JdbcTemplate jdbc;

    StandardTestData data;
    String county;
    String townshipA;
    String villageA;
    String townshipB;
    String villageB;

    @BeforeEach
    void isolatedCounty() {
        data = new StandardTestData(jdbc);
        county = data.county();
        townshipA = data.townshipOf(county);
        villageA = data.villageOf(townshipA);
        townshipB = data.townshipOf(county);
        villageB = data.villageOf(townshipB);
    }

    @Test
    void aFutureVersionTakesEffectInItsMonthAndNotBefore() {
        long jan = data.version(county, null, JAN, "800");
        long jul = data.version(county, null, JUL, "850");

        assertThat(idAt(villageA, URBAN, JUN)).contains(jan);
        assertThat(idAt(villageA, URBAN, JUL)).contains(jul);
        assertThat(idAt(villageA, RURAL, YearMonth.of(2027, 5))).contains(jul);
        assertThat(standards.inForce(villageA, URBAN, JUN)).get()
                .satisfies(v -> {
                    assertThat(v.dibao().dibaoStandard()).isEqualByComparingTo("800");
                    assertThat(v.tekun().tekunBasic()).isEqualByComparingTo("1040");
                    assertThat(v.effectiveFrom()).isEqualTo(JAN);
                    assertThat(v.areaCode()).isEqualTo(county);
                    assertThat(v.hukouType()).isNull();
                    assertThat(v.dibao().incomeReferenceMonths()).isEqualTo(6);
                    // a version inserted by SQL alone gets the national defaults of every programme (V20)
                    assertThat(v.procedures()).isEqualTo(ProgrammeProcedures.defaults());
                    assertThat(v.procedureOf(cn.dibao.engine.Programme.DIBAO_SINGLE).totalExtendedWd()).isEqualTo(45);
                    assertThat(v.procedureOf(cn.dibao.engine.Programme.TEKUN).townshipWd()).isEqualTo(15);
                    assertThat(v.edge().edgeMultiplier()).isEqualByComparingTo("1.5");
                });
    }

    @Test
    void nothingAppliesBeforeTheFirstVersion() {
        data.version(county, null, MAR, "800");

        assertThat(standards.inForce(villageA, URBAN, YearMonth.of(2026, 2))).isEmpty();
        assertThat(standards.inForce(villageA, URBAN, YearMonth.of(2025, 12))).isEmpty();
        assertThat(idAt(villageA, URBAN, MAR)).isPresent();
    }

    @Test
    void aTownshipVersionBeatsTheCountyVersionOfTheSameMonth() {
        long countyJan = data.version(county, null, JAN, "800");
        long townshipJan = data.version(townshipA, null, JAN, "820");

        assertThat(idAt(villageA, URBAN, MAR)).contains(townshipJan);
        assertThat(idAt(villageA, RURAL, MAR)).contains(townshipJan);
        assertThat(idAt(townshipA, RURAL, MAR)).as("asked for the township itself").contains(townshipJan);
        assertThat(idAt(villageB, URBAN, MAR)).as("another township keeps the county's").contains(countyJan);
        assertThat(idAt(county, URBAN, MAR)).as("asked for the county itself").contains(countyJan);
    }

    @Test
    void theLatestMonthWinsWhicheverAreaIssuedIt() {
        long countyJan = data.version(county, null, JAN, "800");
        long townshipMar = data.version(townshipA, null, MAR, "820");
        long countyJul = data.version(county, null, JUL, "860");

        assertThat(idAt(villageA, URBAN, YearMonth.of(2026, 2))).contains(countyJan);
        assertThat(idAt(villageA, URBAN, MAR)).contains(townshipMar);
        assertThat(idAt(villageA, URBAN, JUN)).contains(townshipMar);
        assertThat(idAt(villageA, URBAN, JUL)).as("the county's later raise replaces the override").contains(countyJul);
    }

    @Test
    void aVersionForTheHukouTypeBeatsOneForBothInTheSameMonth() {
        long both = data.version(county, null, JAN, "800");
        long urban = data.version(county, "URBAN", JAN, "900");
        long ruralMar = data.version(county, "RURAL", MAR, "700");
        long bothJul = data.version(county, null, JUL, "950");

        assertThat(idAt(villageA, URBAN, JAN)).contains(urban);
        assertThat(idAt(villageA, RURAL, JAN)).contains(both);
        assertThat(idAt(villageA, RURAL, MAR)).contains(ruralMar);
        assertThat(idAt(villageA, URBAN, MAR)).contains(urban);
        assertThat(idAt(villageA, URBAN, JUL)).as("a later version for both wins over an older specific one")
                .contains(bothJul);
        assertThat(idAt(villageA, RURAL, JUL)).contains(bothJul);
    }

    @Test
    void theTownshipPreferenceComesBeforeTheHukouPreference() {
        data.version(county, "URBAN", JAN, "900");
        long townshipBoth = data.version(townshipA, null, JAN, "850");

        assertThat(idAt(villageA, URBAN, JAN)).contains(townshipBoth);
    }

    @Test
    void otherCountiesAndBadInputGiveNothing() {
        data.version(county, null, JAN, "800");
        String other = data.county();

        assertThat(standards.inForce(data.villageOf(data.townshipOf(other)), URBAN, MAR)).isEmpty();
        assertThat(standards.inForce(null, URBAN, MAR)).isEmpty();
        assertThat(standards.inForce("3702", URBAN, MAR)).isEmpty();
        assertThat(standards.inForce(villageA, URBAN, null)).isEmpty();
    }

    @Test
    void theDemoDistrictHasItsSeededVersions() {
        StandardVersion v2026 = standards.inForce(Fixtures.VILLAGE_A, URBAN, YearMonth.of(2026, 11)).orElseThrow();
        assertThat(v2026.dibao().dibaoStandard()).isEqualByComparingTo("855");
        assertThat(v2026.tekun().tekunBasic()).isEqualByComparingTo("1120");
        assertThat(v2026.tekun().tekunCareHomeFull()).isEqualByComparingTo("1480");
        assertThat(v2026.tekun().tekunCareInstSelf()).isEqualByComparingTo("278");
        assertThat(v2026.rigid().disposableIncomeLastYear()).isEqualByComparingTo(new BigDecimal("48000"));
        StandardVersion v2027 = standards.inForce(Fixtures.VILLAGE_B, RURAL, YearMonth.of(2027, 1)).orElseThrow();
        assertThat(v2027.dibao().dibaoStandard()).isEqualByComparingTo("900");
        assertThat(v2027.tekun().tekunBasic()).isEqualByComparingTo("1170");
        assertThat(v2027.note()).isEqualTo("2027 年提标（示例）");
    }

    private Optional<Long> idAt(String area, cn.dibao.household.HukouType hukou, YearMonth month) {
        return standards.inForce(area, hukou, month).map(StandardVersion::id);
    }
}
