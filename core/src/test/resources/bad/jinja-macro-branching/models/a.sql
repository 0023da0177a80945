{% macro m() %}{{ m() }}{{ m() }}{{ m() }}{% endmacro %}
select {{ m() }} 1 as x
