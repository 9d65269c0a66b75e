package cn.dibao.common.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Identity-document numbers: validation, normalisation and derived facts (sex, birth date).
 * Pure code: no Spring, no JPA. Rules from GB 11643-1999 (domain-rules §10.1).
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");
    private static final Set<String> HMT_PREFIXES = Set.of("810000", "820000", "830000");

    private IdNumbers() {
    }

    /** The outcome of checking a number: the normalised form, or the message key of the problem. */
    public record Result(String normalized, String problemKey) {

        public boolean valid() {
            return problemKey == null;
        }

        static Result ok(String n) {
            return new Result(n, null);
        }

        static Result problem(String key) {
            return new Result(null, key);
        }
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * Validates and normalises a number of the given type as of {@code today}: trims, upper-cases
     * a trailing x, upgrades a 15-digit resident ID to 18 digits.
     */
    public static Result check(IdType type, String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return Result.problem("id.required");
        }
        String s = raw.trim().toUpperCase(Locale.ROOT);
        return switch (type) {
            case RESIDENT_ID -> checkResident(s, today, false);
            case HMT_RESIDENCE_PERMIT -> checkResident(s, today, true);
            case FOREIGN_PERMANENT_RESIDENT -> checkForeign(s, today);
        };
    }

    private static Result checkResident(String s, LocalDate today, boolean hmt) {
        if (!hmt && s.matches("[0-9]{15}")) {
            s = upgrade15(s);
        }
        if (!s.matches("[0-9]{17}[0-9X]")) {
            return Result.problem(hmt ? "id.hmt.format" : "id.resident.format");
        }
        if (hmt != HMT_PREFIXES.contains(s.substring(0, 6))) {
            return Result.problem(hmt ? "id.hmt.prefix" : "id.resident.province");
        }
        if (!PROVINCES.contains(s.substring(0, 2))) {
            return Result.problem("id.resident.province");
        }
        Optional<LocalDate> birth = parseDate(s.substring(6, 14));
        if (birth.isEmpty()) {
            return Result.problem("id.birthDate.invalid");
        }
        if (birth.get().isAfter(today) || birth.get().isBefore(LocalDate.of(1880, 1, 1))) {
            return Result.problem("id.birthDate.range");
        }
        if (checkCharacter(s) != s.charAt(17)) {
            return Result.problem("id.checksum");
        }
        return Result.ok(s);
    }

    /**
     * 外国人永久居留身份证: the 2023 card has 18 characters beginning with 9 and a GB 11643 check
     * character; the 2004/2017 card has 3 letters (nationality) + 12 digits.
     */
    private static Result checkForeign(String s, LocalDate today) {
        if (s.matches("[A-Z]{3}[0-9]{12}")) {
            return Result.ok(s);
        }
        if (!s.matches("9[0-9]{16}[0-9X]")) {
            return Result.problem("id.foreign.format");
        }
        Optional<LocalDate> birth = parseDate(s.substring(6, 14));
        if (birth.isEmpty() || birth.get().isAfter(today)) {
            return Result.problem("id.birthDate.invalid");
        }
        if (checkCharacter(s) != s.charAt(17)) {
            return Result.problem("id.checksum");
        }
        return Result.ok(s);
    }

    /** 15-digit legacy number (6 address + YYMMDD + 3 sequence) → 18 digits, assuming 19YY. */
    public static String upgrade15(String fifteen) {
        String first17 = fifteen.substring(0, 6) + "19" + fifteen.substring(6, 15);
        return first17 + checkCharacter(first17);
    }

    /** Birth date encoded in a valid 18-character number. */
    public static Optional<LocalDate> birthDate(String normalized) {
        if (normalized == null || normalized.length() != 18) {
            return Optional.empty();
        }
        return parseDate(normalized.substring(6, 14));
    }

    /** Sex encoded in a valid 18-character number: position 17 odd = male. */
    public static Optional<Character> sex(String normalized) {
        if (normalized == null || normalized.length() != 18 || !Character.isDigit(normalized.charAt(16))) {
            return Optional.empty();
        }
        return Optional.of((normalized.charAt(16) - '0') % 2 == 1 ? 'M' : 'F');
    }

    /** Whether the type encodes birth date and sex in the number (they are then derived, not typed). */
    public static boolean encodesBirthAndSex(IdType type, String normalized) {
        return type != IdType.FOREIGN_PERMANENT_RESIDENT || (normalized != null && normalized.length() == 18);
    }

    /** {@code 110101********1234}: keeps the first 6 and last 4 characters. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() <= 10) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }

    private static Optional<LocalDate> parseDate(String yyyymmdd) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
