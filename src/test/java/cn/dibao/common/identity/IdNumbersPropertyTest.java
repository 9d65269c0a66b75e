package cn.dibao.common.identity;

import cn.dibao.support.Gen;
import cn.dibao.support.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GB 11643: every well-formed number passes; every single-character change is caught. Checked on
 * seeded random numbers ({@link Seeds}).
 */
class IdNumbersPropertyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
            "62", "63", "64", "65", "71", "81", "82", "83");
    private static final String CHECK_CHARS = "0123456789X";

    static Stream<Long> seeds() {
        return Seeds.of(IdNumbersPropertyTest.class, 1000);
    }

    /** A well-formed 18-digit number: born 1900–2025, any sequence number, its check character. */
    static String validNumber(Gen gen) {
        String province = gen.oneOf(PROVINCES);
        String area = area(gen);
        LocalDate birth = gen.between(LocalDate.of(1900, 1, 1), LocalDate.of(2025, 12, 31));
        int sequence = gen.between(0, 999);
        String first17 = province + area + birth.format(YYYYMMDD) + String.format("%03d", sequence);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** A well-formed 15-digit number (born 1900–1999). */
    static String validFifteen(Gen gen) {
        String province = gen.oneOf(PROVINCES);
        String area = area(gen);
        LocalDate birth = gen.between(LocalDate.of(1900, 1, 1), LocalDate.of(1999, 12, 31));
        int sequence = gen.between(0, 999);
        return province + area + birth.format(YYYYMMDD).substring(2) + String.format("%03d", sequence);
    }

    /** The rest of the address code; "0000" would make 810000/820000/830000, the HMT permit prefixes. */
    private static String area(Gen gen) {
        String area;
        do {
            area = gen.digits(4);
        } while (area.equals("0000"));
        return area;
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void everyWellFormedNumberPasses(long seed) {
        Seeds.check(seed, gen -> {
            String number = validNumber(gen);
            IdNumbers.Result r = IdNumbers.check(IdType.RESIDENT_ID, number, TODAY);
            assertThat(r.problemKey()).as(number).isNull();
            assertThat(r.normalized()).isEqualTo(number);
            assertThat(IdNumbers.birthDate(number)).contains(LocalDate.parse(number.substring(6, 14), YYYYMMDD));
            assertThat(IdNumbers.sex(number)).contains((number.charAt(16) - '0') % 2 == 1 ? 'M' : 'F');
        });
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void lowerCaseXIsTheSameNumber(long seed) {
        Seeds.check(seed, gen -> {
            String number = validNumber(gen);
            IdNumbers.Result r = IdNumbers.check(IdType.RESIDENT_ID, number.toLowerCase(), TODAY);
            assertThat(r.normalized()).isEqualTo(number);
        });
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void changingAnyOneCharacterIsCaught(long seed) {
        Seeds.check(seed, gen -> {
            String number = validNumber(gen);
            int position = gen.between(0, 17);
            int choice = gen.between(0, 9);
            // another digit (or, at position 18, another digit or X)
            String alphabet = position == 17 ? CHECK_CHARS : "0123456789";
            String others = alphabet.replace(String.valueOf(number.charAt(position)), "");
            char replacement = others.charAt(choice % others.length());
            String changed = number.substring(0, position) + replacement + number.substring(position + 1);
            assertThat(changed).isNotEqualTo(number).hasSize(18);
            IdNumbers.Result r = IdNumbers.check(IdType.RESIDENT_ID, changed, TODAY);
            assertThat(r.valid()).as("%s (position %d changed) must fail", changed, position + 1).isFalse();
        });
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void changingTheCheckCharacterToAnyOtherIsCaught(long seed) {
        Seeds.check(seed, gen -> {
            String number = validNumber(gen);
            int index = gen.between(0, 10);
            char other = CHECK_CHARS.charAt(index);
            if (other == number.charAt(17)) {
                other = CHECK_CHARS.charAt((index + 1) % 11);
            }
            String changed = number.substring(0, 17) + other;
            assertThat(IdNumbers.check(IdType.RESIDENT_ID, changed, TODAY).problemKey()).isEqualTo("id.checksum");
        });
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void upgradeOfFifteenDigitsIsValidWithTheSameBirthDate(long seed) {
        Seeds.check(seed, gen -> {
            String fifteen = validFifteen(gen);
            String upgraded = IdNumbers.upgrade15(fifteen);
            assertThat(upgraded).hasSize(18).startsWith(fifteen.substring(0, 6) + "19" + fifteen.substring(6, 12));
            assertThat(upgraded.substring(14, 17)).isEqualTo(fifteen.substring(12, 15));
            IdNumbers.Result r = IdNumbers.check(IdType.RESIDENT_ID, upgraded, TODAY);
            assertThat(r.problemKey()).as(upgraded).isNull();
            LocalDate birth = LocalDate.parse("19" + fifteen.substring(6, 12), YYYYMMDD);
            assertThat(IdNumbers.birthDate(upgraded)).contains(birth);
            assertThat(IdNumbers.check(IdType.RESIDENT_ID, fifteen, TODAY).normalized()).isEqualTo(upgraded);
        });
    }
}
