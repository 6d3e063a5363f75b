fn main() {
    on_probation::start();
}
