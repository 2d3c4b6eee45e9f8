# config/
