package cn.dibao.payout;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Card numbers and agreement files for the payment account tests (the Luhn digit computed here, independently). */
final class AccountSamples {

    private AccountSamples() {
    }

    /** A Luhn-valid number of {@code length} digits starting with {@code prefix}. */
    static String card(String prefix, int length) {
        StringBuilder body = new StringBuilder(prefix);
        while (body.length() < length - 1) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        return AccountNumbers.withCheckDigit(body.toString());
    }

    /** A 19-digit UnionPay-like debit card number (62…), Luhn-valid. */
    static String card() {
        return card("6217", 19);
    }

    /** The same number with a wrong last digit. */
    static String badCheckDigit(String card) {
        char last = card.charAt(card.length() - 1);
        return card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    /** Enough of a PDF for the document store (it recognises the type from the first bytes). */
    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    }
}
