select from where
