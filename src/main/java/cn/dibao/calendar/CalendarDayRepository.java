package cn.dibao.calendar;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

    @Query("select d from CalendarDay d where d.day between :first and :last order by d.day")
    List<CalendarDay> findBetween(LocalDate first, LocalDate last);
}
