{# A generic test of our own: every value in the column is greater than zero. #}
{% test positive(model, column_name) %}
select * from {{ model }} where {{ column_name }} <= 0
{% endtest %}
