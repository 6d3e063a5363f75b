//! The table's rows. They are written into the page directly rather than as Leptos views: a
//! sort or a page turn changes most of the 50 rows' 1,300 cells at once, and Leptos rebuilding
//! them was most of a sort's script (see BENCHMARKS.md). Rows are keyed: each row's element
//! stays with its inspection while it is on the page. Each element remembers what its cells
//! show; only cells whose `Cell` differs are touched, and those are rewritten in place unless
//! they need other elements.

use crate::components::band_badge::{abbreviation_class, badge_class, heatmap_cell_class};
use leptos::ev::Event;
use leptos::html::Tbody;
use leptos::prelude::*;
use model::band::{abbreviation_or_unknown, name_or_unknown};
use model::compare::MAX_COMPARED;
use model::table::cell::{cell, Cell, CellText};
use model::table::column::Column;
use model::table::data::TableData;
use model::table::links::toggle_pick;
use std::collections::VecDeque;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

#[component]
pub fn TableBody(
    data: StoredValue<TableData>,
    page_rows: Memo<Vec<usize>>,
    columns: Memo<Vec<Column>>,
    picked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let body = NodeRef::<Tbody>::new();
    Effect::new(move |drawn: Option<Drawn>| {
        let mut drawn = drawn.unwrap_or_default();
        let Some(body) = body.get() else {
            return drawn;
        };
        let (rows, columns, picked) = (page_rows.read(), columns.read(), picked.read());
        // A tick changes only the boxes.
        if drawn.rows != *rows || drawn.columns != *columns {
            data.with_value(|data| drawn.draw(&body, data, &rows, &columns));
        }
        for place in &drawn.places {
            place.show_pick(&picked);
        }
        drawn
    });
    // One listener for every row's compare box.
    let on_change = move |ev: Event| {
        let id = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|input| input.closest("tr").ok().flatten())
            .and_then(|row| row.get_attribute("data-id"));
        if let Some(id) = id {
            picked.update(|p| toggle_pick(p, &id));
        }
    };
    view! { <tbody node_ref=body on:change=on_change></tbody> }
}

/// What the body shows: a place per row, in page order, and the rows and columns they show.
#[derive(Default)]
struct Drawn {
    places: Vec<Place>,
    rows: Vec<usize>,
    columns: Vec<Column>,
}

impl Drawn {
    /// Keyed by row: a row still on the page keeps its place, which moves with it. The places of
    /// rows that left go, in page order, to the rows that arrive, and rewrite only the cells
    /// that differ, so a sort or a page turn builds no new rows. (At most a page of rows: the
    /// searches below are short.)
    fn draw(&mut self, body: &Element, data: &TableData, rows: &[usize], columns: &[Column]) {
        let document = document();
        let (mut kept, mut spare) = (Vec::new(), VecDeque::new());
        for (place, row) in self.places.drain(..).zip(&self.rows) {
            if rows.contains(row) {
                kept.push((*row, place));
            } else {
                spare.push_back(place);
            }
        }
        let mut next = body.first_element_child();
        for &row in rows {
            let mut place = match kept.iter().position(|(kept_row, _)| *kept_row == row) {
                Some(at) => kept.swap_remove(at).1,
                None => spare.pop_front().unwrap_or_else(|| Place::new(&document)),
            };
            place.show(&document, data, row, columns);
            if next.as_ref() == Some(&place.row) {
                next = place.row.next_element_sibling();
            } else {
                let _ = body.insert_before(&place.row, next.as_deref());
            }
            self.places.push(place);
        }
        for place in spare {
            place.row.remove();
        }
        self.rows = rows.to_vec();
        self.columns = columns.to_vec();
    }
}

/// One row's element and what it shows; it stays with its inspection while that is on the
/// page, and is reused for another once it is not.
struct Place {
    row: Element,
    pick: HtmlInputElement,
    id: String,
    cells: Vec<Shown>,
}

struct Shown {
    key: String,
    cell: Cell,
    element: Element,
}

impl Place {
    fn new(document: &Document) -> Place {
        let row = element(document, "tr");
        let pick_cell = element(document, "td");
        set(&pick_cell, "class", "pick-cell");
        set(&pick_cell, "data-col", "pick");
        let pick: HtmlInputElement = element(document, "input").unchecked_into();
        pick.set_type("checkbox");
        let _ = pick_cell.append_child(&pick);
        let _ = row.append_child(&pick_cell);
        Place {
            row,
            pick,
            id: String::new(),
            cells: Vec::new(),
        }
    }

    fn show(&mut self, document: &Document, data: &TableData, row: usize, columns: &[Column]) {
        let inspection = &data.inspections[row];
        if self.id != inspection.id {
            self.id.clone_from(&inspection.id);
            set(&self.row, "data-id", &self.id);
            let label = format!("Compare {}", data.names[row]);
            set(&self.pick, "aria-label", &label);
        }
        for (at, column) in columns.iter().enumerate() {
            let (key, cell) = (column.key(), cell(data, row, column));
            match self.cells.get_mut(at) {
                Some(shown) if shown.key == key && shown.cell == cell => {}
                // Rewriting a cell's words and attributes is far cheaper for the browser than
                // replacing its elements.
                Some(shown) if shown.key == key && Shape::of(&shown.cell) == Shape::of(&cell) => {
                    fill(&shown.element, &cell);
                    shown.cell = cell;
                }
                Some(shown) => {
                    let element = draw(document, &key, &cell);
                    let _ = shown.element.replace_with_with_node_1(&element);
                    *shown = Shown { key, cell, element };
                }
                None => {
                    let element = draw(document, &key, &cell);
                    let _ = self.row.append_child(&element);
                    self.cells.push(Shown { key, cell, element });
                }
            }
        }
        for shown in self.cells.drain(columns.len()..) {
            shown.element.remove();
        }
    }

    /// Ticked if picked; up to `MAX_COMPARED` rows may be.
    fn show_pick(&self, picked: &[String]) {
        let is_picked = picked.contains(&self.id);
        self.pick.set_checked(is_picked);
        self.pick
            .set_disabled(!is_picked && picked.len() >= MAX_COMPARED);
    }
}

/// Cells of one shape have the same elements, so `fill` can turn one into another.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Words,
    /// A shown span and a spoken one: words with a spoken form, and bands.
    ShownAndSpoken,
    OrganisationLink,
    Badge,
    SourceLink,
}

impl Shape {
    fn of(cell: &Cell) -> Shape {
        match cell {
            Cell::Text(CellText { spoken: None, .. }) => Shape::Words,
            Cell::Text(_) | Cell::Standard(_) => Shape::ShownAndSpoken,
            Cell::Organisation { .. } => Shape::OrganisationLink,
            Cell::Overall(_) => Shape::Badge,
            Cell::Source { .. } => Shape::SourceLink,
        }
    }
}

/// A cell's elements and fixed attributes, then its contents by `fill`: a row header linking to
/// the inspection, band badges as `BandBadge` draws them elsewhere, and spoken words beside
/// anything shown only as a symbol (a band's abbreviation, a dash).
fn draw(document: &Document, key: &str, cell: &Cell) -> Element {
    let shape = Shape::of(cell);
    let tag = if shape == Shape::OrganisationLink {
        "th"
    } else {
        "td"
    };
    let cell_element = element(document, tag);
    set(&cell_element, "data-col", key);
    let child = |parent: &Element, tag: &str| {
        let child = element(document, tag);
        let _ = parent.append_child(&child);
        child
    };
    let spoken = |parent: &Element| set(&child(parent, "span"), "class", "visually-hidden");
    match shape {
        Shape::Words => {}
        Shape::ShownAndSpoken => {
            set(&child(&cell_element, "span"), "aria-hidden", "true");
            spoken(&cell_element);
        }
        Shape::OrganisationLink => {
            set(&cell_element, "scope", "row");
            // A plain link: the router still opens the inspection page without a reload.
            child(&cell_element, "a");
        }
        Shape::Badge => {
            child(&cell_element, "span");
        }
        Shape::SourceLink => {
            let link = child(&cell_element, "a");
            set(&link, "rel", "noopener noreferrer");
            set(&link, "class", "external");
            let _ = link.append_child(&document.create_text_node("Source"));
            spoken(&link);
        }
    }
    fill(&cell_element, cell);
    cell_element
}

/// Writes a cell's words, links and band classes into elements `draw` made for its shape.
fn fill(element: &Element, cell: &Cell) {
    let first = element.first_element_child();
    let last = element.last_element_child();
    // `draw` made the children each shape needs.
    let text = |element: &Option<Element>, text: &str| {
        if let Some(element) = element {
            element.set_text_content(Some(text));
        }
    };
    let attribute = |element: &Option<Element>, name: &str, value: &str| {
        if let Some(element) = element {
            set(element, name, value);
        }
    };
    match cell {
        Cell::Text(words) => {
            set_or_remove(element, "class", words.class);
            set_or_remove(element, "title", words.title.as_deref());
            match &words.spoken {
                None => element.set_text_content(Some(&words.shown)),
                Some(spoken) => {
                    // The shown span may have been a band's.
                    if let Some(first) = &first {
                        set_or_remove(first, "class", None);
                    }
                    text(&first, &words.shown);
                    text(&last, spoken);
                }
            }
        }
        Cell::Organisation { href, name, label } => {
            attribute(&first, "href", href);
            if let Some(first) = &first {
                set_or_remove(first, "aria-label", label.as_deref());
            }
            text(&first, name);
        }
        Cell::Overall(band) => {
            attribute(&first, "class", &badge_class(*band));
            text(&first, name_or_unknown(*band));
        }
        Cell::Standard(band) => {
            set(element, "class", &heatmap_cell_class(*band));
            set(element, "title", name_or_unknown(*band));
            attribute(&first, "class", &abbreviation_class(*band));
            text(&first, abbreviation_or_unknown(*band));
            text(&last, name_or_unknown(*band));
        }
        Cell::Source { href, name } => {
            attribute(&first, "href", href);
            let spoken = first.as_ref().and_then(Element::last_element_child);
            text(&spoken, &format!(" for {name}"));
        }
    }
}

fn element(document: &Document, tag: &str) -> Element {
    document.create_element(tag).expect("a valid tag name")
}

/// Sets an attribute; only an invalid name could fail, and every name here is a literal.
fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

fn set_or_remove(element: &Element, name: &str, value: Option<&str>) {
    match value {
        Some(value) => set(element, name, value),
        None => {
            let _ = element.remove_attribute(name);
        }
    }
}
