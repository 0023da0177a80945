{# Prices are stored in cents; marts show them in the shop's currency. #}
{% macro cents_to_currency(column, decimals=2) -%}
  round({{ column }} / 100.0, {{ decimals }})
{%- endmacro %}
