package cn.dibao.common.identity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GB 11643: every well-formed number passes; every single-character change is caught. */
class IdNumbersProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
            "62", "63", "64", "65", "71", "81", "82", "83");
    private static final String CHECK_CHARS = "0123456789X";

    @Provide
    Arbitrary<String> validNumbers() {
        Arbitrary<String> province = Arbitraries.of(PROVINCES);
        // The rest of the address code; "0000" would make 810000/820000/830000, the HMT permit prefixes.
        Arbitrary<String> area = Arbitraries.strings().numeric().ofLength(4).filter(s -> !s.equals("0000"));
        Arbitrary<LocalDate> birth = Dates.dates().between(LocalDate.of(1900, 1, 1), LocalDate.of(2025, 12, 31));
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
        return Combinators.combine(province, area, birth, sequence).as((p, a, b, s) -> {
            String first17 = p + a + b.format(YYYYMMDD) + String.format("%03d", s);
            return first17 + IdNumbers.checkCharacter(first17);
        });
    }

    @Provide
    Arbitrary<String> validFifteen() {
        Arbitrary<String> province = Arbitraries.of(PROVINCES);
        Arbitrary<String> area = Arbitraries.strings().numeric().ofLength(4).filter(s -> !s.equals("0000"));
        Arbitrary<LocalDate> birth = Dates.dates().between(LocalDate.of(1900, 1, 1), LocalDate.of(1999, 12, 31));
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
        return Combinators.combine(province, area, birth, sequence)
                .as((p, a, b, s) -> p + a + b.format(YYYYMMDD).substring(2) + String.format("%03d", s));
    }

    @Property(tries = 1000)
    void everyWellFormedNumberPasses(@ForAll("validNumbers") String number) {
        IdNumbers.Result r = IdNumbers.check(IdType.RESIDENT_ID, number, TODAY);
        assertThat(r.problemKey()).as(number).isNull();
        assertThat(r.normalized()).isEqualTo(number);
        assertThat(IdNumbers.birthDate(number)).contains(LocalDate.parse(number.substring(6, 14), YYYYMMDD));
        assertThat(IdNumbers.sex(number)).contains((number.charAt(16) - '0') % 2 == 1 ? 'M' : 'F');
    }

    @Property(tries = 1000)
    void lowerCaseXIsTheSameNumber(@ForAll("validNumbers") String number) {
        IdNumbers.Result r = IdNumbers.check(IdType.RESIDENT_ID, number.toLowerCase(), TODAY);
        assertThat(r.normalized()).isEqualTo(number);
    }

    @Property(tries = 1000)
    void changingAnyOneCharacterIsCaught(@ForAll("validNumbers") String number,
                                         @ForAll @IntRange(min = 0, max = 17) int position,
                                         @ForAll @IntRange(min = 0, max = 9) int choice) {
        // another digit (or, at position 18, another digit or X)
        String alphabet = position == 17 ? CHECK_CHARS : "0123456789";
        String others = alphabet.replace(String.valueOf(number.charAt(position)), "");
        char replacement = others.charAt(choice % others.length());
        String changed = number.substring(0, position) + replacement + number.substring(position + 1);
        assertThat(changed).isNotEqualTo(number).hasSize(18);
        IdNumbers.Result r = IdNumbers.check(IdType.RESIDENT_ID, changed, TODAY);
        assertThat(r.valid()).as("%s (position %d changed) must fail", changed, position + 1).isFalse();
    }

    @Property(tries = 1000)
    void changingTheCheckCharacterToAnyOtherIsCaught(@ForAll("validNumbers") String number,
                                                     @ForAll @IntRange(min = 0, max = 10) int index) {
        char other = CHECK_CHARS.charAt(index);
        if (other == number.charAt(17)) {
            other = CHECK_CHARS.charAt((index + 1) % 11);
        }
        String changed = number.substring(0, 17) + other;
        assertThat(IdNumbers.check(IdType.RESIDENT_ID, changed, TODAY).problemKey()).isEqualTo("id.checksum");
    }

    @Property(tries = 1000)
    void upgradeOfFifteenDigitsIsValidWithTheSameBirthDate(@ForAll("validFifteen") String fifteen) {
        String upgraded = IdNumbers.upgrade15(fifteen);
        assertThat(upgraded).hasSize(18).startsWith(fifteen.substring(0, 6) + "19" + fifteen.substring(6, 12));
        assertThat(upgraded.substring(14, 17)).isEqualTo(fifteen.substring(12, 15));
        IdNumbers.Result r = IdNumbers.check(IdType.RESIDENT_ID, upgraded, TODAY);
        assertThat(r.problemKey()).as(upgraded).isNull();
        LocalDate birth = LocalDate.parse("19" + fifteen.substring(6, 12), YYYYMMDD);
        assertThat(IdNumbers.birthDate(upgraded)).contains(birth);
        assertThat(IdNumbers.check(IdType.RESIDENT_ID, fifteen, TODAY).normalized()).isEqualTo(upgraded);
    }
}
