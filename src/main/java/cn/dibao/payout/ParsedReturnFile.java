package cn.dibao.payout;

import java.util.List;

public record ParsedReturnFile(String encoding, List<ReturnLine> lines, List<ReturnFileError> errors) {
    public boolean ok() {
        return errors.isEmpty();
    }
}
