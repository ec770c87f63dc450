package com.healthconnect.platform;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The contract's page shape, {@code {content, page, size, totalElements, totalPages}}, and its bounds
 * ({@code size} at most 100).
 */
public record Pages<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	public static final int MAX_SIZE = 100;

	public static PageRequest request(Integer page, Integer size, Sort sort) {
		int p = page == null ? 0 : page;
		int s = size == null ? 20 : size;
		if (p < 0) {
			throw DomainException.invalidField("page", "must be 0 or more");
		}
		if (s < 1 || s > MAX_SIZE) {
			throw DomainException.invalidField("size", "must be between 1 and " + MAX_SIZE);
		}
		return PageRequest.of(p, s, sort);
	}

	public static <S, T> Pages<T> of(Page<S> page, Function<S, T> mapper) {
		return new Pages<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page.getTotalPages());
	}
}
