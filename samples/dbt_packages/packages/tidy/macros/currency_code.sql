{% macro currency_code() -%}
    {%- set code = var('tidy:currency') -%}
    {%- if code | length != 3 -%}
        {{ exceptions.raise_compiler_error("tidy:currency must be a three-letter code, not " ~ code) }}
    {%- endif -%}
    {{ return(dbt.string_literal(code | upper)) }}
{%- endmacro %}
