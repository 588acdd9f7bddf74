//! "Check a claim" in a worker: the widget's checker. The reader's sentence joins the story as
//! one more source (`ui::model::check_corpus`), and a worker of its own (js/worker.js, as for the
//! story's analysis) runs the usual stages on that corpus, posting its progress, and answers with
//! only the part of the analysis the sentence's verdict needs, which the widget reads
//! (`Model::check_verdict`). The page stays usable throughout.
//!
//! One check per widget: a new one, a cancel, a destroyed widget or a replaced corpus (which is a
//! new widget) terminates the worker of the check before, and no message of it arrives after.
//! Where no worker can start, the check runs on the page, in one go.
//!
//! Deliberately not here: the verdict itself and what the reader sees (`ui`).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::Callback;

use super::{start_worker, yield_to_page, WorkerMessage, WIDGETS};
use crate::analysis::{analyse, Analysis};
use crate::corpus::Corpus;
use crate::ui::model::check_corpus;
use crate::ui::{CheckRequest, CheckUpdate};

thread_local! {
    /// The number of the last check started on the page, to tell a check's worker from the
    /// one that replaced it.
    static LAST_CHECK: Cell<u32> = const { Cell::new(0) };
}

/// Handles a widget's check request: ends the check that runs, then starts the new one.
pub(super) fn check(id: u32, request: CheckRequest) {
    // Dropping the running check terminates its worker: none of its messages arrives after.
    let model = WIDGETS.with_borrow_mut(|widgets| {
        let widget = widgets.iter_mut().find(|widget| widget.id == id)?;
        widget.checking = None;
        widget.model.clone()
    });
    // Every request counts, a cancel too: a check on the page that has not run yet then never does.
    let number = LAST_CHECK.with(|last| {
        last.set(last.get().wrapping_add(1));
        last.get()
    });
    let CheckRequest::Start { text, onupdate } = request else { return };
    let Some(corpus) = model.and_then(|model| check_corpus(&model.corpus, &text)) else { return };
    let corpus = Rc::new(corpus);
    let started = start_worker(
        &corpus,
        true,
        Box::new({
            let (corpus, onupdate) = (corpus.clone(), onupdate.clone());
            move |message| on_check_message(id, number, &corpus, &onupdate, message)
        }),
        // The worker's script could not run (a Content-Security-Policy without `worker-src blob:`).
        Box::new({
            let (corpus, onupdate) = (corpus.clone(), onupdate.clone());
            move || {
                check_on_page(id, number, corpus.clone(), onupdate.clone(), Some("the check's worker could not start"))
            }
        }),
    );
    match started {
        Ok(running) => WIDGETS.with_borrow_mut(|widgets| {
            if let Some(widget) = widgets.iter_mut().find(|widget| widget.id == id) {
                widget.checking = Some((number, running));
            }
        }),
        Err(_) => check_on_page(id, number, corpus, onupdate, None),
    }
}

fn on_check_message(
    id: u32,
    number: u32,
    corpus: &Rc<Corpus>,
    onupdate: &Callback<CheckUpdate>,
    message: WorkerMessage,
) {
    match message {
        WorkerMessage::Progress(progress) => onupdate.emit(CheckUpdate::Progress(progress)),
        WorkerMessage::Done(text) => {
            // The answer is the part of the analysis the verdict reads: a few claims, read at once.
            match serde_json::from_str::<Analysis>(&text) {
                Ok(analysis) => {
                    end_check(id, number);
                    onupdate.emit(CheckUpdate::Done(analysis));
                }
                Err(error) => check_on_page(
                    id,
                    number,
                    corpus.clone(),
                    onupdate.clone(),
                    Some(&format!("the check's answer could not be read ({error})")),
                ),
            }
        }
        WorkerMessage::Failed(why) => check_on_page(id, number, corpus.clone(), onupdate.clone(), Some(&why)),
    }
}

/// Ends check `number`'s worker, once this task is over (it may be running the worker's own
/// message handler), unless another check has replaced it.
fn end_check(id: u32, number: u32) {
    spawn_local(async move {
        WIDGETS.with_borrow_mut(|widgets| {
            let Some(widget) = widgets.iter_mut().find(|widget| widget.id == id) else { return };
            if widget.checking.as_ref().is_some_and(|(checking, _)| *checking == number) {
                widget.checking = None;
            }
        });
    });
}

/// Where no worker runs (no `Worker`, a Content-Security-Policy without `worker-src blob:`, or a
/// worker that failed): the check runs on the page, in one go, after the page has had a moment to
/// say it is checking. That blocks the page while the story is analysed again, which is fine for
/// a small story (the seed story: well under 100 ms) but not for a big one; a page that shows big
/// stories should allow `worker-src blob:`.
fn check_on_page(id: u32, number: u32, corpus: Rc<Corpus>, onupdate: Callback<CheckUpdate>, why: Option<&str>) {
    if let Some(why) = why {
        gloo::console::warn!(format!("crosscheck: {why}; checking the sentence on the page instead."));
    }
    end_check(id, number);
    spawn_local(async move {
        yield_to_page().await;
        // Not if the widget was destroyed, or another check (or a cancel) came meanwhile.
        let current = WIDGETS.with_borrow(|widgets| {
            widgets.iter().any(|widget| widget.id == id) && LAST_CHECK.with(Cell::get) == number
        });
        if current {
            onupdate.emit(CheckUpdate::Done(analyse(&corpus)));
        }
    });
}
