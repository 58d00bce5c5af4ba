"""Minutes: storage, retrieval and answers. Importing it makes every library work offline."""
from .config import offline_environment

offline_environment()
