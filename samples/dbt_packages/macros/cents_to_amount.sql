{# the project overrides tidy's DuckDB version: amounts are kept to two decimals here #}
{% macro duckdb__cents_to_amount(column) -%}
    round(cast({{ column }} as decimal(18, 2)) / 100, 2)
{%- endmacro %}
