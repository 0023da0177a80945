-- A generated calendar for the quarter, one row per day.
select
    cast(strftime(d, '%Y%m%d') as integer) as date_key,
    cast(d as date) as calendar_date,
    year(d) as year,
    month(d) as month,
    monthname(d) as month_name,
    day(d) as day_of_month,
    dayname(d) as day_name,
    isodow(d) in (6, 7) as is_weekend,
    weekofyear(d) as iso_week
from generate_series(timestamp '2026-10-01', timestamp '2026-12-31', interval 1 day) as t(d)
