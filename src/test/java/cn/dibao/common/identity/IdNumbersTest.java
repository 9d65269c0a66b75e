package cn.dibao.common.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** The first 17 characters plus the computed check character. */
    private static String valid(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static IdNumbers.Result resident(String raw) {
        return IdNumbers.check(IdType.RESIDENT_ID, raw, TODAY);
    }

    @Test
    void checkCharacterFollowsGb11643() {
        // The published example of GB 11643-1999: 11010519491231002X.
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.checkCharacter("44052418800101001")).isEqualTo('4');
        // Sum 0 → '1'.
        assertThat(IdNumbers.checkCharacter("00000000000000000")).isEqualTo('1');
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "37021119800101123", "44030620001231456", "65010219000101001",
            "71000020260101002", "53010219990909001"})
    void validNumbersPass(String first17) {
        String number = valid(first17);
        IdNumbers.Result r = resident(number);
        assertThat(r.valid()).as(number).isTrue();
        assertThat(r.normalized()).isEqualTo(number);
        assertThat(r.problemKey()).isNull();
    }

    @Test
    void publishedExampleWithXPasses() {
        assertThat(resident("11010519491231002X").normalized()).isEqualTo("11010519491231002X");
    }

    @Test
    void lowerCaseXAndBlanksAreNormalised() {
        IdNumbers.Result r = resident("  11010519491231002x ");
        assertThat(r.valid()).isTrue();
        assertThat(r.normalized()).isEqualTo("11010519491231002X");
    }

    @Test
    void fifteenDigitNumbersAreUpgraded() {
        String expected = "11010119800101001" + IdNumbers.checkCharacter("11010119800101001");
        assertThat(IdNumbers.upgrade15("110101800101001")).isEqualTo(expected);
        IdNumbers.Result r = resident("110101800101001");
        assertThat(r.valid()).isTrue();
        assertThat(r.normalized()).isEqualTo(expected).hasSize(18);
        assertThat(IdNumbers.birthDate(r.normalized())).contains(LocalDate.of(1980, 1, 1));
        assertThat(IdNumbers.sex(r.normalized())).contains('M');
    }

    @Test
    void fifteenDigitNumberWithBadDateFails() {
        assertThat(resident("110101800230001").problemKey()).isEqualTo("id.birthDate.invalid");
    }

    @Test
    void derivesSexAndBirthDate() {
        String female = valid("37021119850715002");
        String male = valid("37021119850715003");
        assertThat(IdNumbers.sex(female)).contains('F');
        assertThat(IdNumbers.sex(male)).contains('M');
        assertThat(IdNumbers.birthDate(male)).contains(LocalDate.of(1985, 7, 15));
        assertThat(IdNumbers.birthDate("123")).isEmpty();
        assertThat(IdNumbers.sex(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // empty
            "'', id.required",
            "'   ', id.required",
            // formats
            "1101051949123100, id.resident.format",
            "1101051949123100211, id.resident.format",
            "11010519491231002Y, id.resident.format",
            "ABCDEFGHIJKLMNOPQR, id.resident.format",
            "1101051949123X002X, id.resident.format",
    })
    void malformedNumbersFail(String raw, String key) {
        assertThat(resident(raw).valid()).isFalse();
        assertThat(resident(raw).problemKey()).isEqualTo(key);
        assertThat(resident(raw).normalized()).isNull();
    }

    @Test
    void nullFails() {
        assertThat(resident(null).problemKey()).isEqualTo("id.required");
    }

    @Test
    void impossibleBirthDateFails() {
        assertThat(resident(valid("11010519900230001")).problemKey()).isEqualTo("id.birthDate.invalid");
        assertThat(resident(valid("11010519901301001")).problemKey()).isEqualTo("id.birthDate.invalid");
        assertThat(resident(valid("11010519900000001")).problemKey()).isEqualTo("id.birthDate.invalid");
        // 2000 is a leap year, 1900 is not
        assertThat(resident(valid("11010520000229001")).valid()).isTrue();
        assertThat(resident(valid("11010519000229001")).problemKey()).isEqualTo("id.birthDate.invalid");
    }

    @Test
    void futureBirthDateFails() {
        assertThat(resident(valid("11010520261124001")).problemKey()).isEqualTo("id.birthDate.range");
        assertThat(resident(valid("11010520261123001")).valid()).as("born today").isTrue();
        assertThat(resident(valid("11010518791231001")).problemKey()).isEqualTo("id.birthDate.range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "00", "10", "16", "24", "38", "47", "55", "60", "66", "72", "80", "84", "91"})
    void unknownProvinceFails(String province) {
        assertThat(resident(valid(province + "010519491231001")).problemKey()).isEqualTo("id.resident.province");
    }

    @Test
    void wrongCheckDigitFails() {
        String number = valid("11010519800101001");
        char wrong = number.charAt(17) == '0' ? '1' : '0';
        assertThat(resident(number.substring(0, 17) + wrong).problemKey()).isEqualTo("id.checksum");
        assertThat(resident("110105194912310021").problemKey()).isEqualTo("id.checksum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"810000", "820000", "830000"})
    void hmtPrefixesOnlyForHmtPermits(String prefix) {
        String number = valid(prefix + "19900101001");
        IdNumbers.Result permit = IdNumbers.check(IdType.HMT_RESIDENCE_PERMIT, number, TODAY);
        assertThat(permit.valid()).isTrue();
        assertThat(permit.normalized()).isEqualTo(number);
        assertThat(IdNumbers.check(IdType.RESIDENT_ID, number, TODAY).problemKey()).isEqualTo("id.resident.province");
    }

    @Test
    void hmtPermitNeedsItsPrefixAndFormat() {
        assertThat(IdNumbers.check(IdType.HMT_RESIDENCE_PERMIT, valid("11010519900101001"), TODAY).problemKey())
                .isEqualTo("id.hmt.prefix");
        assertThat(IdNumbers.check(IdType.HMT_RESIDENCE_PERMIT, "810000900101001", TODAY).problemKey())
                .as("no 15-digit upgrade for permits").isEqualTo("id.hmt.format");
        String wrongCheck = valid("81000019900101001");
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
        assertThat(IdNumbers.check(IdType.HMT_RESIDENCE_PERMIT, wrongCheck, TODAY).problemKey()).isEqualTo("id.checksum");
        assertThat(IdNumbers.check(IdType.HMT_RESIDENCE_PERMIT, valid("83000020300101001"), TODAY).problemKey())
                .isEqualTo("id.birthDate.range");
    }

    @Test
    void foreignPermanentResidentFormats() {
        // 2004/2017 card: three letters + 12 digits, lower case accepted
        IdNumbers.Result old = IdNumbers.check(IdType.FOREIGN_PERMANENT_RESIDENT, "usa370211800101", TODAY);
        assertThat(old.valid()).isTrue();
        assertThat(old.normalized()).isEqualTo("USA370211800101");
        assertThat(IdNumbers.encodesBirthAndSex(IdType.FOREIGN_PERMANENT_RESIDENT, old.normalized())).isFalse();
        // 2023 card: 18 characters starting with 9, GB 11643 check character
        String card = valid("93370219850315001");
        IdNumbers.Result r = IdNumbers.check(IdType.FOREIGN_PERMANENT_RESIDENT, card, TODAY);
        assertThat(r.valid()).isTrue();
        assertThat(IdNumbers.encodesBirthAndSex(IdType.FOREIGN_PERMANENT_RESIDENT, r.normalized())).isTrue();
        assertThat(IdNumbers.birthDate(card)).contains(LocalDate.of(1985, 3, 15));
        // failures
        String badCheck = card.substring(0, 17) + (card.charAt(17) == '0' ? '1' : '0');
        assertThat(IdNumbers.check(IdType.FOREIGN_PERMANENT_RESIDENT, badCheck, TODAY).problemKey()).isEqualTo("id.checksum");
        assertThat(IdNumbers.check(IdType.FOREIGN_PERMANENT_RESIDENT, valid("83370219850315001"), TODAY).problemKey())
                .isEqualTo("id.foreign.format");
        assertThat(IdNumbers.check(IdType.FOREIGN_PERMANENT_RESIDENT, "US370211800101", TODAY).problemKey())
                .isEqualTo("id.foreign.format");
        assertThat(IdNumbers.check(IdType.FOREIGN_PERMANENT_RESIDENT, valid("93370219850230001"), TODAY).problemKey())
                .isEqualTo("id.birthDate.invalid");
        assertThat(IdNumbers.check(IdType.FOREIGN_PERMANENT_RESIDENT, valid("93370220300101001"), TODAY).problemKey())
                .isEqualTo("id.birthDate.invalid");
        // a resident number is not a foreign permanent resident card
        assertThat(IdNumbers.check(IdType.FOREIGN_PERMANENT_RESIDENT, valid("11010519800101001"), TODAY).valid()).isFalse();
    }

    @Test
    void residentAndHmtTypesAlwaysEncodeBirthAndSex() {
        assertThat(IdNumbers.encodesBirthAndSex(IdType.RESIDENT_ID, "11010519491231002X")).isTrue();
        assertThat(IdNumbers.encodesBirthAndSex(IdType.HMT_RESIDENCE_PERMIT, "81000019900101001X")).isTrue();
    }

    @Test
    void maskKeepsFirstSixAndLastFour() {
        assertThat(IdNumbers.mask("110101198001011234")).isEqualTo("110101********1234");
        assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(IdNumbers.mask("USA370211800101")).isEqualTo("USA370*****0101");
        assertThat(IdNumbers.mask("13812345678")).isEqualTo("138123*5678");
        assertThat(IdNumbers.mask("1234567890")).isEqualTo("**********");
        assertThat(IdNumbers.mask("")).isEmpty();
        assertThat(IdNumbers.mask(null)).isNull();
    }
}
