"""The competency model from the seed profile, shared by profile, selection and scan.

`model` holds the versioned model (roles, tasks, competencies, gedragsindicatoren);
`couleur` holds the explainable rules that suggest situational competencies and a
municipality type from a municipality's figures.
"""

from secretaris.competencies.model import (
    CURRENT_VERSION,
    MODELS,
    Competency,
    CompetencyModel,
    Indicator,
    Role,
    TaskGroup,
    get_model,
)

__all__ = [
    "CURRENT_VERSION",
    "MODELS",
    "Competency",
    "CompetencyModel",
    "Indicator",
    "Role",
    "TaskGroup",
    "get_model",
]
