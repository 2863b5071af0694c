"""The Trainer callback that turns a signal into a checkpoint and a stop (see :mod:`diplo_ml.runs.interrupt`)."""

from __future__ import annotations

from transformers import TrainerCallback

from diplo_ml.runs.interrupt import _state, at_epoch_end


class StopOnSignal(TrainerCallback):
    """Save a checkpoint and stop at the end of the step during which a signal arrived. An epoch cut short is not
    evaluated or saved again as if it had ended (an extra evaluation would count towards early stopping and could
    become the "best" checkpoint, so the resumed run would not end as an uninterrupted one); an epoch that did end
    is evaluated and saved as usual before the run stops."""

    def on_step_end(self, args, state, control, **kwargs):
        if _state.requested is not None:
            control.should_save = True
            control.should_training_stop = True
        return control

    def on_epoch_end(self, args, state, control, **kwargs):
        if _state.requested is None:
            return control
        if not at_epoch_end(state.epoch):  # cut short: the checkpoint of the step is all there is to keep
            control.should_evaluate = False
            control.should_save = False
        else:  # the signal came with the epoch's last step: it ends as usual, then the run stops
            control.should_save = True
            control.should_training_stop = True
        return control
