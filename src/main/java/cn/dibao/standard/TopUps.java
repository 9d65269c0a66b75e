package cn.dibao.standard;

import cn.dibao.engine.TopUpMode;
import cn.dibao.engine.TopUpStacking;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/**
 * 分类施保: the extra support for elderly, minor, severely disabled and seriously ill members, each
 * a fixed amount (元/人/月) or a percentage of the 低保 standard, and how several of them stack; and
 * the ages of the two age groups (老年人 from {@code topupElderlyAge}, 未成年人 under {@code topupMinorAge}).
 */
@Embeddable
public record TopUps(
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 7)
        @NotNull(message = "{standard.choice.required}") TopUpMode topupElderlyMode,
        @Column(nullable = false, precision = 10, scale = 2) @TopUpValue BigDecimal topupElderlyValue,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 7)
        @NotNull(message = "{standard.choice.required}") TopUpMode topupMinorMode,
        @Column(nullable = false, precision = 10, scale = 2) @TopUpValue BigDecimal topupMinorValue,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 7)
        @NotNull(message = "{standard.choice.required}") TopUpMode topupDisabilityMode,
        @Column(nullable = false, precision = 10, scale = 2) @TopUpValue BigDecimal topupDisabilityValue,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 7)
        @NotNull(message = "{standard.choice.required}") TopUpMode topupIllnessMode,
        @Column(nullable = false, precision = 10, scale = 2) @TopUpValue BigDecimal topupIllnessValue,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 5)
        @NotNull(message = "{standard.choice.required}") TopUpStacking topupStacking,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 50, max = 80) Integer topupElderlyAge,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 14, max = 18) Integer topupMinorAge) {

    /** The national defaults (V3, V25): no top-up, counted once; elderly from 60, minor under 18. */
    static TopUps defaults() {
        BigDecimal zero = BigDecimal.ZERO;
        return new TopUps(TopUpMode.FIXED, zero, TopUpMode.FIXED, zero, TopUpMode.FIXED, zero, TopUpMode.FIXED, zero,
                TopUpStacking.ONCE, 60, 18);
    }
}
