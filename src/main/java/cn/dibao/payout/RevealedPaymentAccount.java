package cn.dibao.payout;

/** The full numbers of one account, shown once to a permitted role (audited). */
public record RevealedPaymentAccount(long id, String accountNo, String holderIdNumber) {
}
