select 1 as x;
drop table main.a
