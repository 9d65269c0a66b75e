package cn.dibao.payout;

import java.util.Optional;

/**
 * Account numbers of 收款账户: normalising, the format check and masking. Pure code, no Spring.
 *
 * <p>Both channels carry a UnionPay card number: a 一卡通 bank card is one, and the number paid into
 * on a 社会保障卡 is the card's financial account, which the co-operating bank issues as a UnionPay
 * debit card number (the card's own 社会保障号码 is the holder's ID number and its 卡识别码 is not an
 * account). UnionPay card numbers (PAN) are 16 to 19 digits and end with a Luhn (ISO/IEC 7812)
 * check digit, so the same check applies to both channels.
 */
public final class AccountNumbers {

    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 19;

    private AccountNumbers() {
    }

    /** The number as typed without spaces and hyphens (cards are often written in groups of four). */
    public static String normalise(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s\\u3000-]", "");
    }

    /**
     * The message key of the number's problem, or empty when it is well-formed: digits only,
     * {@value #MIN_LENGTH}–{@value #MAX_LENGTH} of them, Luhn-valid. Expects a normalised number.
     */
    public static Optional<String> problem(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return Optional.of("payment.accountNo.required");
        }
        if (!normalised.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("payment.accountNo.digits");
        }
        if (normalised.length() < MIN_LENGTH || normalised.length() > MAX_LENGTH) {
            return Optional.of("payment.accountNo.length");
        }
        if (!luhnValid(normalised)) {
            return Optional.of("payment.accountNo.checksum");
        }
        return Optional.empty();
    }

    /** Whether a string of digits ends with its Luhn check digit. */
    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The digits with their Luhn check digit appended (demo data and test samples). */
    public static String withCheckDigit(String body) {
        for (char d = '0'; d <= '9'; d++) {
            if (luhnValid(body + d)) {
                return body + d;
            }
        }
        throw new IllegalArgumentException("not digits: " + body);
    }

    /** {@code 6217********1234}: the first 4 and last 4 digits; a short value is all stars. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() <= 8) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }
}
