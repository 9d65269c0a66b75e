package cn.dibao.payout;

/** How a payee is paid (domain-rules §3.8, §10.7). */
public enum PaymentChannel {
    /** 惠民惠农财政补贴资金"一卡通": a bank card or passbook account. */
    BANK_CARD,
    /** 社会保障卡: paid into the card's financial (bank) account. */
    SSC
}
