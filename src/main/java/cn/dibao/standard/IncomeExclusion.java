package cn.dibao.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * How a standard version treats one exclusion category of income (ADR 0021), one row of
 * {@code standard_income_exclusion}: left out of 低保 income ({@code dibao}; 低保边缘, 刚性支出 and 单人保 follow
 * it) until {@code dibaoUntil} inclusive, and of 特困's own income ({@code tekun}) until {@code tekunUntil}
 * inclusive; an end date left empty means no end. An end date only goes with an exclusion
 * ({@link StandardService} checks it).
 */
@Embeddable
public record IncomeExclusion(
        @Column(nullable = false) boolean dibao,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dibaoUntil,
        @Column(nullable = false) boolean tekun,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate tekunUntil) {
}
