{% macro cents_to_amount(column) -%}
    {{ return(adapter.dispatch('cents_to_amount', 'tidy')(column)) }}
{%- endmacro %}

{% macro default__cents_to_amount(column) -%}
    ({{ column }} / 100.0)
{%- endmacro %}

{% macro duckdb__cents_to_amount(column) -%}
    ({{ column }} / 100)
{%- endmacro %}
