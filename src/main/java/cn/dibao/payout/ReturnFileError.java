package cn.dibao.payout;

public record ReturnFileError(int lineNo, String message) {
}
