{% macro loop(n) %}{{ loop(n) }}{% endmacro %}
