{% if true %}
select 1 as x
