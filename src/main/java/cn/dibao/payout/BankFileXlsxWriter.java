package cn.dibao.payout;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

// TEMPORARY: replaced by the writer on branch bankfiles before this lands
final class BankFileXlsxWriter implements AutoCloseable {
    BankFileXlsxWriter(OutputStream out, String sheetName) {
    }
    void header(List<String> columns) {
    }
    void row(String reference, String payeeName, String idNumber, String bankName, String accountNo,
             BigDecimal amount, String programme, String townshipCode, String month, boolean custody) {
    }
    long rows() {
        return 0;
    }
    @Override
    public void close() {
    }
}
