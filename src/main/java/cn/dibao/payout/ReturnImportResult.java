package cn.dibao.payout;

import java.util.List;

/**
 * What a bank return file did: applied whole (every line answered an item) or not at all, in which
 * case {@code errors} says what is wrong line by line (line 0: the whole file).
 */
public record ReturnImportResult(long importId, boolean applied, String encoding, int lines, int paid, int failed,
                                 int returned, List<ReturnFileError> errors) {
}
